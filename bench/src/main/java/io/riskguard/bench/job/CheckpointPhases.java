package io.riskguard.bench.job;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.SubtaskStateStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * Where each task's checkpoint time went, from Flink's own checkpoint statistics (what the web
 * UI's checkpoint tab shows): for every task, the longest synchronous phase (the task thread
 * waits), alignment (inputs blocked until every barrier arrived) and start delay of any subtask,
 * over the completed checkpoints triggered after {@code sinceMillis}.
 */
final class CheckpointPhases {

    private CheckpointPhases() {}

    static void print(MiniCluster cluster, JobID job, long sinceMillis) throws Exception {
        AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
        Map<String, long[]> worst = new TreeMap<>();
        int checkpoints = 0;
        for (AbstractCheckpointStats checkpoint : graph.getCheckpointStatsSnapshot().getHistory().getCheckpoints()) {
            if (checkpoint.getStatus() != CheckpointStatsStatus.COMPLETED
                    || checkpoint.getTriggerTimestamp() < sinceMillis) {
                continue;
            }
            checkpoints++;
            for (TaskStateStats task : checkpoint.getAllTaskStateStats()) {
                AccessExecutionJobVertex vertex = graph.getJobVertex(task.getJobVertexId());
                long[] w = worst.computeIfAbsent(vertex == null ? task.getJobVertexId().toString() : vertex.getName(),
                        k -> new long[3]);
                for (SubtaskStateStats subtask : task.getSubtaskStats()) {
                    if (subtask == null) {
                        continue;
                    }
                    w[0] = Math.max(w[0], subtask.getSyncCheckpointDuration());
                    w[1] = Math.max(w[1], subtask.getAlignmentDuration());
                    w[2] = Math.max(w[2], subtask.getCheckpointStartDelay());
                }
            }
        }
        System.out.printf("checkpoint phases, longest of any subtask over %d checkpoints completed in the window "
                + "(Flink's checkpoint statistics):%n", checkpoints);
        worst.forEach((task, w) -> System.out.printf("  %-60.60s sync %5d ms  alignment %5d ms  start delay %5d ms%n",
                task, w[0], w[1], w[2]));
    }
}
