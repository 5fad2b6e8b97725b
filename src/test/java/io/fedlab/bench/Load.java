package io.fedlab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an operation from {@code concurrency} threads, either a fixed number of times or
 * for a fixed duration, and keeps every latency.
 */
final class Load {

	private Load() {
	}

	/** One operation; a worker index tells the thread it runs on. */
	@FunctionalInterface
	interface Operation {

		void run(int worker) throws Exception;

	}

	/** Throughput and latency of a run, in operations per second and milliseconds. */
	record Result(int concurrency, int operations, int errors, double seconds, double perSecond, double p50, double p95,
			double p99, double max, String firstError) {

		String summary() {
			return String.format(
					"%d ops in %.1f s at concurrency %d: %.1f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
							+ " (%d errors)",
					this.operations, this.seconds, this.concurrency, this.perSecond, this.p50, this.p95, this.p99,
					this.errors);
		}

	}

	/** {@code total} operations shared among {@code concurrency} threads. */
	static Result count(int concurrency, int total, Operation operation) throws InterruptedException {
		AtomicInteger remaining = new AtomicInteger(total);
		return run(concurrency, () -> remaining.getAndDecrement() > 0, operation);
	}

	/** As many operations as fit in {@code seconds}. */
	static Result duration(int concurrency, double seconds, Operation operation) throws InterruptedException {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		return run(concurrency, () -> System.nanoTime() < end, operation);
	}

	private interface Condition {

		boolean next();

	}

	private static Result run(int concurrency, Condition more, Operation operation) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<long[]>> futures = new ArrayList<>();
		AtomicInteger errors = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		long start = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			int worker = w;
			futures.add(pool.submit(() -> {
				long[] latencies = new long[1024];
				int n = 0;
				while (more.next()) {
					long t0 = System.nanoTime();
					try {
						operation.run(worker);
						if (n == latencies.length) {
							latencies = Arrays.copyOf(latencies, n * 2);
						}
						latencies[n++] = System.nanoTime() - t0;
					}
					catch (Exception | AssertionError ex) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, ex.toString());
					}
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		pool.shutdown();
		pool.awaitTermination(2, TimeUnit.HOURS);
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] all = futures.stream().map(Load::get).flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(concurrency, all.length, errors.get(), seconds, all.length / seconds, percentile(all, 0.50),
				percentile(all, 0.95), percentile(all, 0.99), (all.length > 0) ? all[all.length - 1] / 1e6 : 0,
				firstError.get());
	}

	/** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	private static long[] get(Future<long[]> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
