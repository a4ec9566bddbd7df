package io.riskguard.job.operators;

/** Flink state calls declare Exception; a state backend failure fails the task, as it should. */
final class StateCalls {

    interface Call<T> {
        T call() throws Exception;
    }

    interface Run {
        void run() throws Exception;
    }

    private StateCalls() {}

    static <T> T call(Call<T> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("state access failed", e);
        }
    }

    static void run(Run r) {
        call(() -> {
            r.run();
            return null;
        });
    }
}
