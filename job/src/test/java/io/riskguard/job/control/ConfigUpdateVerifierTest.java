package io.riskguard.job.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskguard.job.control.ConfigUpdateVerifier.Verdict;
import io.riskguard.job.support.JobTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every verdict of the verifier, with the job running testdata's default config (version 7). The key is
 * given to the verifier, not read from the environment (ControlVerifier reads it there).
 */
class ConfigUpdateVerifierTest {

    private static final String KEY = "unit-test-control-key";
    private static final int RUNNING = 7;

    private static String v6;
    private static String v8;

    private final ConfigUpdateVerifier verifier = new ConfigUpdateVerifier(KEY);

    @BeforeAll
    static void configs() throws Exception {
        String v7 = JobTestSupport.defaultConfigYaml();
        v6 = withVersion(v7, 6);
        v8 = withVersion(v7, 8);
    }

    @Test
    void aNewerUpdateSignedWithTheKeyWhoseYamlIsValidAndStatesItsVersionIsAccepted() {
        assertThat(verifier.verify(signed(8, v8), RUNNING)).isEqualTo(new Verdict(true, 8, v8, "accepted"));
    }

    @Test
    void anUpdateSignedWithAnotherKeyIsRefusedForItsBadSignature() {
        String forged = message(8, v8, ConfigSignature.sign("some-other-key", v8));

        assertThat(verifier.verify(forged, RUNNING))
                .isEqualTo(new Verdict(false, 8, v8, "config update version 8 has a bad signature"));
    }

    @Test
    void anUpdateOlderThanTheRunningVersionIsRefusedAsStale() {
        assertThat(verifier.verify(signed(6, v6), RUNNING))
                .isEqualTo(new Verdict(false, 6, v6,
                        "config update version 6 is not newer than the running version 7"));
    }

    @Test
    void anUpdateWhoseYamlHasAnotherVersionThanTheMessageIsRefusedForTheMismatch() {
        assertThat(verifier.verify(signed(9, v8), RUNNING))
                .isEqualTo(new Verdict(false, 9, v8, "config update says version 9 but its YAML has version 8"));
    }

    @Test
    void anUpdateWhoseYamlFailsValidationIsRefusedWithTheValidatorsMessage() {
        String invalid = v8.replaceFirst("timezone: America/Chicago", "timezone: CST");
        assertThat(invalid).isNotEqualTo(v8);

        assertThat(verifier.verify(signed(8, invalid), RUNNING)).isEqualTo(new Verdict(false, 8, invalid,
                "riskguard: invalid config control update: timezone: CST: "
                        + "must be an IANA zone id (Area/Location) or UTC"));
    }

    @Test
    void withoutAControlKeyEvenACorrectlySignedUpdateIsRefused() {
        ConfigUpdateVerifier keyless = new ConfigUpdateVerifier(null);

        assertThat(keyless.verify(signed(8, v8), RUNNING)).isEqualTo(new Verdict(false, 8, v8,
                "config update version 8 refused: no control key is configured (RISKGUARD_CONTROL_KEY)"));
    }

    @Test
    void anAcceptedUpdateDeliveredAgainIsRefusedBecauseItsVersionIsNowTheRunningOne() {
        String update = signed(8, v8);
        Verdict first = verifier.verify(update, RUNNING);
        assertThat(first.accepted()).isTrue();

        assertThat(verifier.verify(update, first.version()))
                .isEqualTo(new Verdict(false, 8, v8,
                        "config update version 8 is not newer than the running version 8"));
    }

    @Test
    void anUpdateWithoutASignatureIsRefusedAsUnsigned() {
        String unsigned = new ObjectMapper().createObjectNode().put("version", 8).put("config", v8).toString();

        assertThat(verifier.verify(unsigned, RUNNING))
                .isEqualTo(new Verdict(false, 8, v8, "config update version 8 is not signed"));
    }

    @Test
    void aMessageThatIsNotJsonIsRefusedWithoutAVersion() {
        assertThat(verifier.verify("version: 8", RUNNING))
                .isEqualTo(new Verdict(false, null, null, "config update is not JSON"));
    }

    @Test
    void jsonOfAnotherShapeIsRefusedWithTheExpectedShape() {
        assertThat(verifier.verify("{\"version\": \"8\", \"config\": \"version: 8\"}", RUNNING))
                .isEqualTo(new Verdict(false, null, null,
                        "config update must be {\"version\": N, \"config\": \"...\", \"signature\": \"...\"}"));
    }

    private static String withVersion(String yaml, int version) {
        String changed = yaml.replaceFirst("(?m)^version: 7", "version: " + version);
        assertThat(changed).containsPattern("(?m)^version: " + version + " ");
        return changed;
    }

    private static String signed(int version, String yaml) {
        return message(version, yaml, ConfigSignature.sign(KEY, yaml));
    }

    private static String message(int version, String yaml, String signature) {
        return new ObjectMapper().createObjectNode().put("version", version).put("config", yaml)
                .put("signature", signature).toString();
    }
}
