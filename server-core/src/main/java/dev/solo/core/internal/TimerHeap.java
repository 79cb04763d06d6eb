package dev.solo.core.internal;

import dev.solo.core.Timer;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's timers: a binary min-heap by deadline in which every entry knows its slot, so cancel and reschedule are
 * O(log n) and leave no dead entries behind (a connection moves its one timer on every request). Moving a timer
 * later, by far the common case, does not touch the heap at all: the entry only records its new deadline and is
 * re-queued when its old one comes. The head's deadline becomes the selector's timeout; there is no timer thread.
 */
final class TimerHeap {

    private static final Logger LOG = LoggerFactory.getLogger(TimerHeap.class);

    private final LongSupplier clock;
    private Entry[] heap = new Entry[64];
    private int size;
    private long sequence;

    /** @param clock the loop's cached monotonic millis */
    TimerHeap(LongSupplier clock) {
        this.clock = clock;
    }

    Timer schedule(long delayMillis, Runnable task) {
        Entry entry = new Entry(task);
        entry.reschedule(delayMillis);
        return entry;
    }

    /** @return milliseconds until the earliest deadline (0 if due), or -1 when there is no timer */
    long millisUntilNext(long now) {
        if (size == 0) {
            return -1;
        }
        return Math.max(0, heap[0].deadline - now);
    }

    /** Runs every timer whose deadline has passed; a timer scheduled by a task for "now" runs in the next turn. */
    void runExpired(long now) {
        long horizon = sequence;
        while (size > 0 && heap[0].deadline <= now && heap[0].order < horizon) {
            Entry entry = heap[0];
            removeAt(0);
            if (entry.wanted > entry.deadline) {
                entry.queue(entry.wanted);
                continue;
            }
            try {
                entry.task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("timer task failed", e);
            }
        }
    }

    int size() {
        return size;
    }

    private void add(Entry entry) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        entry.index = size;
        heap[size++] = entry;
        siftUp(entry.index);
    }

    private void removeAt(int index) {
        Entry removed = heap[index];
        removed.index = -1;
        size--;
        if (index != size) {
            Entry last = heap[size];
            heap[index] = last;
            last.index = index;
            siftDown(index);
            siftUp(last.index);
        }
        heap[size] = null;
    }

    private void siftUp(int index) {
        Entry entry = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(entry, heap[parent])) {
                break;
            }
            heap[index] = heap[parent];
            heap[index].index = index;
            index = parent;
        }
        heap[index] = entry;
        entry.index = index;
    }

    private void siftDown(int index) {
        Entry entry = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], entry)) {
                break;
            }
            heap[index] = heap[child];
            heap[index].index = index;
            index = child;
        }
        heap[index] = entry;
        entry.index = index;
    }

    private static boolean before(Entry a, Entry b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.order < b.order);
    }

    /** One timer; its slot in the heap is -1 while it is not pending. */
    private final class Entry implements Timer {
        private final Runnable task;
        /** The deadline the entry is queued under. */
        private long deadline;
        /** The deadline asked for last; later than {@link #deadline} when the timer was moved later in place. */
        private long wanted;
        private long order;
        private int index = -1;

        Entry(Runnable task) {
            this.task = task;
        }

        @Override
        public void cancel() {
            if (index >= 0) {
                removeAt(index);
            }
        }

        @Override
        public void reschedule(long delayMillis) {
            if (delayMillis < 0) {
                throw new IllegalArgumentException("negative delay: " + delayMillis);
            }
            long target = clock.getAsLong() + delayMillis;
            if (index >= 0 && target >= deadline) {
                wanted = target;
                return;
            }
            cancel();
            queue(target);
        }

        private void queue(long target) {
            deadline = target;
            wanted = target;
            order = sequence++;
            add(this);
        }

        @Override
        public boolean isPending() {
            return index >= 0;
        }
    }
}
