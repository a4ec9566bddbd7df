package io.riskguard.job.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskguard.config.RiskConfig;
import io.riskguard.job.control.ConfigSignature;
import io.riskguard.sinks.Secrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code riskguard sign-config FILE}: validates a config and prints the control-topic message that
 * carries it, signed with HMAC-SHA256 under the key in RISKGUARD_CONTROL_KEY (or its _FILE).
 */
@Command(name = "sign-config", mixinStandardHelpOptions = true,
        description = "Print the signed control-topic message for a config file (key from RISKGUARD_CONTROL_KEY).")
final class SignConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        RiskConfig config = Inputs.config(file);
        String key = Secrets.get(ConfigSignature.KEY_ENV);
        if (key == null) {
            throw new UsageException("riskguard: sign-config needs " + ConfigSignature.KEY_ENV
                    + " (or " + ConfigSignature.KEY_ENV + "_FILE) in the environment");
        }
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        var message = new ObjectMapper().createObjectNode()
                .put("version", config.version())
                .put("config", yaml)
                .put("signature", ConfigSignature.sign(key, yaml));
        System.out.println(message);
        return RiskguardCli.DONE;
    }
}
