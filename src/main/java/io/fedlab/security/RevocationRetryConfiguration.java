package io.fedlab.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The retry of failed refresh-token revocations: in memory, unless a
 * {@link PendingRevocations} bean is defined (the Redis one, with profile {@code redis}),
 * run every {@code check-interval} on a thread of its own that starts and stops with the
 * application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RevocationRetryProperties.class)
class RevocationRetryConfiguration {

	@Bean
	RevocationRetry revocationRetry(ObjectProvider<PendingRevocations> pending, RevocationEndpoint revocationEndpoint,
			ClientRegistrationRepository registrations, RevocationRetryProperties settings,
			ObjectProvider<Clock> clock) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		return new RevocationRetry(pending.getIfAvailable(() -> new InMemoryPendingRevocations(time)),
				revocationEndpoint, registrations, settings, time);
	}

	@Bean
	Runner revocationRetryRunner(RevocationRetry revocationRetry, RevocationRetryProperties settings) {
		return new Runner(revocationRetry, settings);
	}

	/**
	 * A scheduler of its own rather than a {@code TaskScheduler} bean: such a bean would
	 * also count as the application's {@code Executor}, and Boot would then not create
	 * its task executor.
	 */
	static final class Runner implements SmartLifecycle {

		private final RevocationRetry retry;

		private final RevocationRetryProperties settings;

		private ThreadPoolTaskScheduler scheduler;

		Runner(RevocationRetry retry, RevocationRetryProperties settings) {
			this.retry = retry;
			this.settings = settings;
		}

		@Override
		public synchronized void start() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("revocation-retry-");
			scheduler.setPoolSize(1);
			scheduler.setWaitForTasksToCompleteOnShutdown(false);
			scheduler.initialize();
			scheduler.scheduleWithFixedDelay(this.retry::retryDue, this.settings.checkInterval());
			this.scheduler = scheduler;
		}

		@Override
		public synchronized void stop() {
			if (this.scheduler != null) {
				this.scheduler.shutdown();
				this.scheduler = null;
			}
		}

		@Override
		public synchronized boolean isRunning() {
			return this.scheduler != null;
		}

	}

}
