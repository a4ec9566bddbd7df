package io.riskguard.job.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskguard.contract.Action;
import io.riskguard.contract.ActionJson;
import io.riskguard.contract.ActionKind;
import io.riskguard.job.support.InProcessKafka;
import io.riskguard.job.support.JobTestSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production job on a real standalone Flink session cluster (bin/cluster-start: a JobManager and a
 * TaskManager in their own JVMs, from the Maven-resolved Flink jars), submitted as the -flink.jar over
 * the REST API, reading and writing an in-process Kafka. A RULE-007 cooldown lock is taken at
 * parallelism 1; a savepoint is taken, the job cancelled and restored from the savepoint at
 * parallelism 2; the lock still holds there (a position opened under it is closed, naming it) and
 * expires exactly at its until (the UNLOCK's ts). The actions topic ends up equal to the scenario's
 * hand-computed expected actions. Also checks that the job's metrics reach the web UI and Prometheus.
 *
 * <p>Events are those of testdata/scenarios/mixed-lock-closes-position-opened-while-locked, split at
 * the savepoint: the losing trade (LOCK until 15:05:00Z + FLATTEN) before it, the order, fills and
 * position opened while locked after it.
 */
class ClusterSavepointIT {

    static final Path HOME = Path.of(System.getProperty("riskguard.home", "..")).toAbsolutePath().normalize();
    static final Path JAR = Path.of(System.getProperty("riskguard.flinkJar",
            "target/riskguard-job-0.1.0-SNAPSHOT-flink.jar")).toAbsolutePath();
    static final Path SCENARIO = JobTestSupport.testdata()
            .resolve("scenarios/mixed-lock-closes-position-opened-while-locked").toAbsolutePath().normalize();
    static final String ENTRY_CLASS = "io.riskguard.job.cli.RiskguardCli";
    static final Duration WAIT = Duration.ofMinutes(2);

    /**
     * Partitions of the events and quotes topics. Event time only moves when every source split has
     * moved it (a split's watermark is its latest record; the job takes the minimum), and a source
     * reader without any split never moves it at all: it would hold the job's event time back for
     * good unless an idleness timeout marked it idle. Rather than depend on such a timeout (a timing
     * assumption, and a quiet partition read from a backlog must never count as idle, so the job runs
     * with a long one), both topics have two partitions and every phase ends with a clock record on
     * each of them: at parallelism 1 one reader holds both splits, at parallelism 2 the restored
     * reader state gives each reader one; in both phases every split sees the clock and the watermark
     * passes it deterministically.
     */
    static final int PARTITIONS = 2;
    static final long ACCOUNT = 1001;

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static InProcessKafka kafka;
    static Path runDir;
    static int restPort;
    static int rpcPort;
    static int promPort;
    static int jmPromPort;
    static boolean clusterStarted;
    static Thread stopOnExit;

    static final String EVENTS = "cluster.events";
    static final String QUOTES = "cluster.quotes";
    static final String CONTROL = "cluster.control";
    static final String ACTIONS = "cluster.actions";
    static final String DEAD_LETTERS = "cluster.dead-letters";

    @BeforeAll
    static void startKafkaAndTheCluster() throws Exception {
        assertThat(JAR).as("the cluster job jar (mvn package)").isRegularFile();
        kafka = InProcessKafka.start();
        kafka.createTopics(PARTITIONS, EVENTS, QUOTES);
        kafka.createTopics(CONTROL, ACTIONS, DEAD_LETTERS);

        // Under target/ (mvn clean removes it) rather than a JUnit temp dir: the cluster's logs stay for a look
        // after a failure. Its own directory and free ports: never the developer's cluster on 8081.
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        runDir = Files.createTempDirectory(target, "cluster-it-");
        int[] ports = freePorts(4);
        restPort = ports[0];
        rpcPort = ports[1];
        promPort = ports[2];
        jmPromPort = ports[3];
        stopOnExit = new Thread(ClusterSavepointIT::stopCluster, "cluster-it-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        clusterStarted = true;
        long start = System.nanoTime();
        String out = script("cluster-start", Duration.ofMinutes(3));
        System.out.printf("ClusterSavepointIT: bin/cluster-start took %.1f s:%n%s%n",
                (System.nanoTime() - start) / 1e9, out);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            stopCluster();
            if (stopOnExit != null) {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void aLockSetBeforeASavepointHoldsAfterTheRestoreAtAnotherParallelismAndExpiresOnTime() throws Exception {
        List<String> events = Files.readAllLines(SCENARIO.resolve("events.jsonl"), StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(SCENARIO.resolve("expected.jsonl"), StandardCharsets.UTF_8);
        assertThat(events.get(0)).contains("\"id\":9501").contains("\"profitAndLoss\":-130.00");
        assertThat(events.get(events.size() - 1)).contains("\"type\":\"clock\"");
        assertThat(expected).hasSize(5);

        String jarId = uploadJar();

        // Phase 1, parallelism 1: the losing trade, then a clock at 15:00:30 on every split.
        String job1 = run(jarId, 1, null);
        awaitRunning(job1);
        produceEvents(events.subList(0, 1));
        produceClock("2026-03-02T15:00:30Z");
        List<String> phase1 = awaitCommitted(ACTIONS, 2);
        assertThat(phase1).as("LOCK and FLATTEN on the actions topic (read_committed)")
                .containsExactlyElementsOf(expected.subList(0, 2));
        Action lock = ActionJson.fromJson(phase1.get(0));
        assertThat(lock.kind()).isEqualTo(ActionKind.LOCK);
        assertThat(lock.until()).isEqualTo(Instant.parse("2026-03-02T15:05:00Z"));

        // Savepoint (the job keeps running), then cancel.
        String savepoint = savepoint(job1, runDir.resolve("savepoints"));
        cancel(job1);

        // Phase 2, parallelism 2, from the savepoint: the order, fills and position of 15:01, then a clock at
        // 15:04:59 (before the lock's expiry), then one at 15:06:00 (after it).
        String job2 = run(jarId, 2, savepoint);
        awaitRunning(job2);
        JsonNode restored = get("/jobs/" + job2 + "/checkpoints").path("latest").path("restored");
        assertThat(restored.path("external_path").asText()).as("restored from the savepoint").isEqualTo(savepoint);
        assertThat(accountRiskVertex(job2).path("parallelism").asInt()).isEqualTo(2);

        produceEvents(events.subList(1, events.size() - 1));
        produceClock("2026-03-02T15:04:59Z");
        List<String> whileLocked = awaitCommitted(ACTIONS, 4);
        assertThat(whileLocked).as("order cancelled and position closed under the restored lock")
                .containsExactlyElementsOf(expected.subList(0, 4));
        Action close = ActionJson.fromJson(whileLocked.get(3));
        assertThat(close.kind()).isEqualTo(ActionKind.CLOSE_POSITION);
        assertThat(close.reason()).startsWith("account locked by RULE-007 until 2026-03-02T15:05:00Z");
        awaitMoreCheckpoints(job2, 3); // three checkpoints: an early UNLOCK would be committed by now
        assertThat(committed(ACTIONS)).as("no UNLOCK before 15:05:00Z").hasSize(4);

        produceClock("2026-03-02T15:06:00Z");
        awaitCommitted(ACTIONS, 5);
        awaitMoreCheckpoints(job2, 2); // two more checkpoints: nothing may follow
        List<String> all = committed(ACTIONS);
        assertThat(all).as("the whole actions topic: the scenario's expected actions, each once")
                .containsExactlyElementsOf(expected);
        Action unlock = ActionJson.fromJson(all.get(4));
        assertThat(unlock.kind()).isEqualTo(ActionKind.UNLOCK);
        assertThat(unlock.ts()).as("the UNLOCK comes exactly at the lock's until").isEqualTo(lock.until());
        assertThat(committed(DEAD_LETTERS)).isEmpty();

        assertMetricsInTheWebUiAndOnPrometheus(job2);
        cancel(job2);
    }

    /**
     * AccountRisk's counters are listed for its vertex in the web UI (the REST API behind it, refreshed
     * every few seconds) and served by the TaskManager's Prometheus reporter.
     */
    private void assertMetricsInTheWebUiAndOnPrometheus(String job) throws Exception {
        String vertex = accountRiskVertex(job).path("id").asText();
        JsonNode metrics = awaitJson("/jobs/" + job + "/vertices/" + vertex + "/metrics",
                list -> list.toString().contains("AccountRisk.triggers"));
        List<String> names = new ArrayList<>();
        metrics.forEach(m -> names.add(m.path("id").asText()));
        assertThat(names).contains("0.AccountRisk.triggers", "1.AccountRisk.triggers",
                "0.AccountRisk.rule.RULE-007.evaluations", "0.AccountRisk.kind.CLOSE_POSITION.actions");

        String prometheus = awaitBody(URI.create("http://localhost:" + promPort + "/metrics"),
                body -> body.contains("flink_taskmanager_job_task_operator_triggers{"));
        assertThat(sum(prometheus, "flink_taskmanager_job_task_operator_triggers", ""))
                .as("AccountRisk triggers since the restore, summed over its subtasks").isPositive();
        // key-value groups become labels; Prometheus label values have '-' replaced
        assertThat(sum(prometheus, "flink_taskmanager_job_task_operator_rule_evaluations", "rule=\"RULE_007\""))
                .as("RULE-007 evaluated the closing trade after the restore").isPositive();
    }

    /** The sum of a Prometheus metric's samples over the series whose labels contain {@code label}. */
    private static double sum(String prometheus, String metric, String label) {
        return prometheus.lines().filter(l -> l.startsWith(metric + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    // --- Kafka ---------------------------------------------------------------------------------------

    private static void produceEvents(List<String> lines) {
        List<String[]> keyed = new ArrayList<>();
        for (String line : lines) {
            keyed.add(new String[] {Long.toString(ACCOUNT), line});
        }
        kafka.produce(EVENTS, keyed);
    }

    /** A clock record on every partition of both input topics: every source split moves event time to it. */
    private static void produceClock(String ts) {
        String clock = "{\"type\":\"clock\",\"ts\":\"" + ts + "\"}";
        kafka.produceToAllPartitions(EVENTS, PARTITIONS, clock);
        kafka.produceToAllPartitions(QUOTES, PARTITIONS, clock);
    }

    /** Waits until the topic holds at least {@code count} committed records; returns them all. */
    private static List<String> awaitCommitted(String topic, int count) {
        return await(topic).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> committed(topic), values -> values.size() >= count);
    }

    /**
     * Every committed record in the topic now, in partition order (read_committed up to the last stable
     * offset). Assigned partitions, no consumer group: no rebalance delay, and an exact answer.
     */
    private static List<String> committed(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("cannot read " + topic + " up to " + end);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    // --- the job over REST ---------------------------------------------------------------------------

    private static List<String> programArgs() {
        return List.of("run",
                "--config", SCENARIO.resolve("config.yaml").toString(),
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--events-topic", EVENTS, "--quotes-topic", QUOTES, "--control-topic", CONTROL,
                "--actions-topic", ACTIONS, "--dead-letters-topic", DEAD_LETTERS,
                "--group-id", "cluster-it",
                "--ordering", "event-time",
                "--out-of-orderness-ms", "0",
                "--idleness-ms", "600000", // see PARTITIONS
                "--heartbeat-ms", "0", // event time is the records' alone: 2026-03-02, not the wall clock
                "--checkpoint-interval-ms", "1000", // actions become visible to read_committed at checkpoints
                "--job-name", "riskguard-cluster-it");
    }

    private static String uploadJar() throws Exception {
        String boundary = "riskguard-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + JAR.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = HttpRequest.newBuilder(rest("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(JAR),
                        BodyPublishers.ofByteArray(tail)))
                .build();
        JsonNode r = send(upload, 200);
        assertThat(r.path("status").asText()).isEqualTo("success");
        String file = r.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Runs the uploaded jar; an explicit parallelism (a REST run ignores parallelism.default). */
    private static String run(String jarId, int parallelism, String savepointPath) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("entryClass", ENTRY_CLASS);
        programArgs().forEach(body.putArray("programArgsList")::add);
        body.put("parallelism", parallelism);
        if (savepointPath != null) {
            body.put("savepointPath", savepointPath);
            body.put("allowNonRestoredState", false);
        }
        JsonNode r = post("/jars/" + jarId + "/run", body, 200);
        return r.path("jobid").asText();
    }

    private static void awaitRunning(String job) throws Exception {
        awaitJson("/jobs/" + job, j -> {
            if (List.of("FAILED", "CANCELED", "FINISHED").contains(j.path("state").asText())) {
                fail("job " + job + " is " + j.path("state").asText() + ": " + j);
            }
            if (!"RUNNING".equals(j.path("state").asText())) {
                return false;
            }
            for (JsonNode v : j.path("vertices")) {
                if (!"RUNNING".equals(v.path("status").asText())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Triggers a savepoint without cancelling and waits for it; returns its location. */
    private static String savepoint(String job, Path dir) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("target-directory", dir.toUri().toString());
        body.put("cancel-job", false);
        String trigger = post("/jobs/" + job + "/savepoints", body, 202).path("request-id").asText();
        JsonNode done = awaitJson("/jobs/" + job + "/savepoints/" + trigger,
                s -> "COMPLETED".equals(s.path("status").path("id").asText()));
        JsonNode operation = done.path("operation");
        assertThat(operation.has("failure-cause")).as("savepoint failed: %s", operation).isFalse();
        return operation.path("location").asText();
    }

    private static void cancel(String job) throws Exception {
        HttpRequest cancel = HttpRequest.newBuilder(rest("/jobs/" + job + "?mode=cancel"))
                .method("PATCH", BodyPublishers.noBody()).build();
        send(cancel, 202);
        awaitJson("/jobs/" + job, j -> "CANCELED".equals(j.path("state").asText()));
    }

    private static JsonNode accountRiskVertex(String job) throws Exception {
        for (JsonNode v : get("/jobs/" + job).path("vertices")) {
            if (v.path("name").asText().contains("AccountRisk")) {
                return v;
            }
        }
        throw new AssertionError("no AccountRisk vertex in " + get("/jobs/" + job));
    }

    // --- HTTP ----------------------------------------------------------------------------------------

    private static URI rest(String path) {
        return URI.create("http://localhost:" + restPort + path);
    }

    private static JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(rest(path)).GET().build(), 200);
    }

    private static JsonNode post(String path, JsonNode body, int status) throws Exception {
        return send(HttpRequest.newBuilder(rest(path)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), status);
    }

    private static JsonNode send(HttpRequest request, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(request, BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", request.method(), request.uri(), r.body()).isEqualTo(status);
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> done) {
        return await(path).atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> get(path), done);
    }

    /** The body of the first 200 answer that is {@code done}. */
    private static String awaitBody(URI uri, Predicate<String> done) {
        return await(uri.toString()).atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        }, body -> body != null && done.test(body));
    }

    /** Until {@code count} more of the job's checkpoints have completed than now. */
    private static void awaitMoreCheckpoints(String job, int count) throws Exception {
        String path = "/jobs/" + job + "/checkpoints";
        long completed = get(path).path("counts").path("completed").asLong();
        awaitJson(path, c -> c.path("counts").path("completed").asLong() >= completed + count);
    }

    // --- the cluster scripts -------------------------------------------------------------------------

    private static void stopCluster() {
        if (!clusterStarted) {
            return;
        }
        try {
            System.out.println("ClusterSavepointIT: " + script("cluster-stop", Duration.ofMinutes(1)).strip());
            clusterStarted = false;
        } catch (Exception e) {
            System.err.println("ClusterSavepointIT: bin/cluster-stop failed: " + e);
        }
    }

    /** Runs bin/NAME with this test's run directory and ports; its output, or an error with it and the logs. */
    private static String script(String name, Duration timeout) throws Exception {
        Path out = runDir.resolve(name + ".out");
        ProcessBuilder pb = new ProcessBuilder(HOME.resolve("bin").resolve(name).toString())
                .directory(HOME.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("RISKGUARD_CLUSTER_DIR", runDir.toString());
        pb.environment().put("RISKGUARD_REST_PORT", Integer.toString(restPort));
        pb.environment().put("RISKGUARD_RPC_PORT", Integer.toString(rpcPort));
        pb.environment().put("RISKGUARD_PROM_PORT", Integer.toString(promPort));
        pb.environment().put("RISKGUARD_JM_PROM_PORT", Integer.toString(jmPromPort));
        pb.environment().put("RISKGUARD_START_TIMEOUT", "150"); // a loaded CI machine
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/" + name + " did not finish within " + timeout + ":\n" + read(out)
                    + logs());
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("bin/" + name + " exited with " + p.exitValue() + ":\n" + read(out) + logs());
        }
        return read(out);
    }

    private static String logs() {
        return "\n(cluster logs in " + runDir.resolve("log") + ")";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * {@code n} distinct free ports: all are held open until all are chosen, since the system may hand
     * out a port it just released again (one CI run gave the JobManager's and the TaskManager's
     * reporters the same port).
     */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
