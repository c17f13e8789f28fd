package com.trustifi.onboarding.api.status;

import com.trustifi.onboarding.api.config.OnboardingConfig;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fails, retryably, the onboardings the worker has gone silent on: RUNNING or PROPAGATING with no
 * event for {@code onboarding.watchdog.running-silence}, or ACCEPTED and never started for
 * {@code onboarding.watchdog.accepted-silence}. A cancel the worker has not confirmed within
 * {@code onboarding.watchdog.cancel-confirmation} ends as CANCELED. A run of the command that the worker starts after
 * this (a redelivery) numbers its events later, so it still moves the onboarding forward.
 */
@ApplicationScoped
public class SilentOnboardingWatchdog {

    private static final Logger LOG = Logger.getLogger(SilentOnboardingWatchdog.class);
    private static final int PER_RUN = 500;

    private final StalledOnboardings stalled;
    private final OnboardingConfig config;
    private final Clock clock;

    SilentOnboardingWatchdog(StalledOnboardings stalled, OnboardingConfig config, Clock clock) {
        this.stalled = stalled;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void patrol() {
        failSilentAsOf(clock.instant());
    }

    /** Fails what has been silent too long as of {@code now}; answers how many. */
    public int failSilentAsOf(Instant now) {
        Instant runningSince = now.minus(config.watchdog().runningSilence());
        Instant acceptedSince = now.minus(config.watchdog().acceptedSilence());
        List<UUID> silent = QuarkusTransaction.requiringNew().call(() -> Onboarding.getEntityManager()
                .createQuery("select o.id from Onboarding o where (o.status in ?1 and o.updatedAt < ?2) "
                        + "or (o.status = ?3 and o.updatedAt < ?4)", UUID.class)
                .setParameter(1, List.of(OnboardingStatus.RUNNING, OnboardingStatus.PROPAGATING))
                .setParameter(2, runningSince)
                .setParameter(3, OnboardingStatus.ACCEPTED)
                .setParameter(4, acceptedSince)
                .setMaxResults(PER_RUN)
                .getResultList());
        for (UUID id : silent) {
            QuarkusTransaction.requiringNew().run(() -> stalled.fail(id, "The worker stopped reporting on this onboarding",
                    "Retry the onboarding; if it stalls again, contact the service's operator"));
        }
        if (!silent.isEmpty()) {
            LOG.warnf("Failed %d onboardings the worker had gone silent on", silent.size());
        }
        return silent.size() + endUnconfirmedCancels(now.minus(config.watchdog().cancelConfirmation()), now);
    }

    /** CANCELING onboardings whose worker has not confirmed since {@code before} become CANCELED. */
    private int endUnconfirmedCancels(Instant before, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Onboarding> unconfirmed = Onboarding.list("status = ?1 and updatedAt < ?2", OnboardingStatus.CANCELING, before);
            unconfirmed.forEach(onboarding -> Onboarding.lockedForUpdate(onboarding.id)
                    .filter(locked -> locked.status == OnboardingStatus.CANCELING)
                    .ifPresent(locked -> locked.endCancel("The worker did not confirm the cancel in time; "
                            + "its command is fenced and changes nothing more", now)));
            return unconfirmed.size();
        });
    }
}
