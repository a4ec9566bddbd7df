package io.riskguard.fanout;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The highest (or lowest) mark of every suffix of a sequence of numbered marks, kept as a monotonic
 * stack: a mark stays only while no later mark is as high (low). The extreme of the marks numbered
 * after {@code n} is then the first entry numbered after {@code n}. Pushing is amortised O(1), a
 * query O(log size); entries no query can ask for any more are dropped from the bottom.
 */
final class ExtremeStack {

    private final int sign;
    private long[] numbers = new long[16];
    private BigDecimal[] marks = new BigDecimal[16];
    private int head;
    private int tail;

    /** @param sign +1 to keep highs, -1 to keep lows */
    ExtremeStack(int sign) {
        this.sign = sign;
    }

    void push(long number, BigDecimal mark) {
        while (tail > head && marks[tail - 1].compareTo(mark) * sign <= 0) {
            marks[--tail] = null;
        }
        if (tail == numbers.length) {
            compactOrGrow();
        }
        numbers[tail] = number;
        marks[tail++] = mark;
    }

    /** The extreme of the marks numbered after {@code since}, or null when there are none. */
    BigDecimal extremeAfter(long since) {
        int lo = head;
        int hi = tail;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (numbers[mid] <= since) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < tail ? marks[lo] : null;
    }

    /** Drops the entries numbered {@code since} or lower: no query asks about them any more. */
    void dropThrough(long since) {
        while (head < tail && numbers[head] <= since) {
            marks[head++] = null;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    int size() {
        return tail - head;
    }

    /** The number of the entry {@code fromTop} places below the top (0 = the newest). */
    long numberFromTop(int fromTop) {
        return numbers[tail - 1 - fromTop];
    }

    void clear() {
        Arrays.fill(marks, head, tail, null);
        head = 0;
        tail = 0;
    }

    /** Entries bottom to top, for snapshots. */
    void forEach(EntryConsumer consumer) {
        for (int i = head; i < tail; i++) {
            consumer.accept(numbers[i], marks[i]);
        }
    }

    interface EntryConsumer {
        void accept(long number, BigDecimal mark);
    }

    private void compactOrGrow() {
        int size = tail - head;
        if (head > 0 && size < numbers.length / 2) {
            System.arraycopy(numbers, head, numbers, 0, size);
            System.arraycopy(marks, head, marks, 0, size);
        } else {
            long[] n = new long[numbers.length * 2];
            BigDecimal[] m = new BigDecimal[marks.length * 2];
            System.arraycopy(numbers, head, n, 0, size);
            System.arraycopy(marks, head, m, 0, size);
            numbers = n;
            marks = m;
        }
        Arrays.fill(marks, size, marks.length, null);
        head = 0;
        tail = size;
    }
}
