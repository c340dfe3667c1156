package nendo.web;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests being answered, so that a shutdown lets them finish: once draining, no new request is
 * let in, and the stop waits until the running ones are done.
 */
final class InFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;
    private boolean draining;

    /** Counts a request in; false once draining (the caller turns it away). */
    boolean tryEnter() {
        lock.lock();
        try {
            if (draining) return false;
            running++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Counts out a request that {@link #tryEnter} let in. */
    void leave() {
        lock.lock();
        try {
            running--;
            if (running == 0) idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests and waits for the running ones; false if some were still running at the timeout. */
    boolean drain(Duration timeout) {
        lock.lock();
        try {
            draining = true;
            long nanos = timeout.toNanos();
            while (running > 0 && nanos > 0) nanos = idle.awaitNanos(nanos);
            return running == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }
}
