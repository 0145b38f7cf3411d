package de.nrw.intervention.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Latencies per request type (nanoseconds), percentiles from sorted arrays. */
final class Stats {

  private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();
  final AtomicLong errors = new AtomicLong();
  final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

  <T> T time(String type, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      record(type, System.nanoTime() - start);
    }
  }

  void record(String type, long nanos) {
    samples.computeIfAbsent(type, k -> new ConcurrentLinkedQueue<>()).add(nanos);
  }

  void error(String what) {
    errors.incrementAndGet();
    if (errorSamples.size() < 10) {
      errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
    }
  }

  long requests() {
    return samples.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
  }

  /** type → {count, p50, p95, p99, max} in milliseconds. */
  Map<String, double[]> summary() {
    Map<String, double[]> out = new TreeMap<>();
    samples.forEach((type, queue) -> out.put(type, percentiles(queue.stream().mapToLong(Long::longValue).toArray())));
    return out;
  }

  static double[] percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new double[] {0, 0, 0, 0, 0};
    }
    return new double[] {sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.95)), ms(at(sorted, 0.99)),
        ms(sorted[sorted.length - 1])};
  }

  private static long at(long[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
