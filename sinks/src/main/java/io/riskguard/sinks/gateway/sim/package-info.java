/**
 * The broker gateway simulator: a stand-in for the ProjectX/TopstepX gateway REST API over real HTTP
 * (JDK {@code HttpServer} and Jackson only), for tests and demos. {@link
 * io.riskguard.sinks.gateway.sim.GatewaySimulator} is the running instance and its Java API (seeding,
 * scripted faults, call log); {@link io.riskguard.sinks.gateway.sim.GatewaySimulatorMain} the standalone
 * command.
 */
package io.riskguard.sinks.gateway.sim;
