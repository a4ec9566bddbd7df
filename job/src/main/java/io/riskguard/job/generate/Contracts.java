package io.riskguard.job.generate;

import java.math.BigDecimal;
import java.util.List;

/** The contracts the simulator trades, with their tick economics and a starting price. */
final class Contracts {

    record Spec(String contractId, BigDecimal tickSize, BigDecimal tickValue, BigDecimal startPrice) {}

    static final List<Spec> ALL = List.of(
            new Spec("CON.F.US.MNQ.H26", new BigDecimal("0.25"), new BigDecimal("0.50"), new BigDecimal("21000.00")),
            new Spec("CON.F.US.EP.H26", new BigDecimal("0.25"), new BigDecimal("12.50"), new BigDecimal("6000.00")),
            new Spec("CON.F.US.ENQ.H26", new BigDecimal("0.25"), new BigDecimal("5.00"), new BigDecimal("21000.00")),
            new Spec("CON.F.US.MES.H26", new BigDecimal("0.25"), new BigDecimal("1.25"), new BigDecimal("6000.00")),
            new Spec("CON.F.US.CL.J26", new BigDecimal("0.01"), new BigDecimal("10.00"), new BigDecimal("71.50")),
            new Spec("CON.F.US.GC.J26", new BigDecimal("0.10"), new BigDecimal("10.00"), new BigDecimal("2900.00")));

    private Contracts() {}
}
