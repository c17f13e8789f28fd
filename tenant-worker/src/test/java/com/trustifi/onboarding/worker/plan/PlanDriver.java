package com.trustifi.onboarding.worker.plan;

import com.trustifi.onboarding.model.CommandKind;
import com.trustifi.onboarding.model.DnsRecord;
import com.trustifi.onboarding.model.ProvisioningCommand;
import com.trustifi.onboarding.model.ProvisioningStep;
import com.trustifi.onboarding.model.RelayConfiguration;
import com.trustifi.onboarding.model.RelayProfileName;
import com.trustifi.onboarding.model.RelaySecretCipher;
import com.trustifi.onboarding.model.StatusEvent;
import com.trustifi.onboarding.worker.status.StatusReporter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays the command consumer's part in the test's JVM: runs the plan of each command it is given, one command at a
 * time per tenant and tenants side by side, as Kafka's partitions deliver them, and collects the status events that
 * the worker would publish. The commands carry the relay secret encrypted for their tenant, as the API sends it.
 */
final class PlanDriver implements AutoCloseable {

    private final ProvisioningPlan plan;
    private final RelaySecretCipher cipher;
    private final ExecutorService plans = Executors.newCachedThreadPool();
    private final Map<String, CompletableFuture<?>> lastByTenant = new ConcurrentHashMap<>();
    private final Map<UUID, CompletableFuture<List<StatusEvent>>> runs = new ConcurrentHashMap<>();

    PlanDriver(ProvisioningPlan plan, String relayKey) {
        this.plan = plan;
        this.cipher = new RelaySecretCipher(SimulatedExchangeResource.RELAY_KEY_ID,
                Map.of(SimulatedExchangeResource.RELAY_KEY_ID, relayKey));
    }

    /** What a partner asks for one tenant. */
    record Request(String tenantId, List<String> relayDomains, String relaySecret, RelayProfileName profile,
            List<DnsRecord> domainRecords, String testRecipient) {

        static Request of(String tenantId, String relayDomain, String relaySecret) {
            return new Request(tenantId, List.of(relayDomain), relaySecret, null, List.of(), null);
        }

        Request withProfile(RelayProfileName named) {
            return new Request(tenantId, relayDomains, relaySecret, named, domainRecords, testRecipient);
        }

        Request withDomainRecords(List<DnsRecord> records) {
            return new Request(tenantId, relayDomains, relaySecret, profile, records, testRecipient);
        }

        Request withRelaySecret(String secret) {
            return new Request(tenantId, relayDomains, secret, profile, domainRecords, testRecipient);
        }

        Request withTestRecipient(String recipient) {
            return new Request(tenantId, relayDomains, relaySecret, profile, domainRecords, recipient);
        }
    }

    /** Queues the command behind the tenant's earlier ones; the plan's events are collected under the returned id. */
    UUID send(CommandKind kind, Request request) {
        UUID onboardingId = UUID.randomUUID();
        var relay = new RelayConfiguration(request.relayDomains(), request.profile(),
                request.relaySecret() == null ? null : cipher.encrypt(request.tenantId(), request.relaySecret()),
                null, request.testRecipient(), request.domainRecords());
        var command = new ProvisioningCommand(ProvisioningCommand.SCHEMA_VERSION, UUID.randomUUID(), onboardingId,
                request.tenantId(), kind, relay, Instant.now(), 0);
        lastByTenant.compute(request.tenantId(), (tenant, before) -> {
            CompletableFuture<List<StatusEvent>> run = (before == null ? CompletableFuture.completedFuture(null) : before)
                    .handleAsync((ignored, failure) -> run(command), plans);
            runs.put(onboardingId, run);
            return run;
        });
        return onboardingId;
    }

    private List<StatusEvent> run(ProvisioningCommand command) {
        List<StatusEvent> events = new CopyOnWriteArrayList<>();
        plan.run(command, new StatusReporter(command, events::addAll, Instant.now()), Delivery.last());
        return events.stream().sorted(Comparator.comparingLong(StatusEvent::sequence)).toList();
    }

    /** Every event of the command's run, in sequence order; the last one is final. */
    List<StatusEvent> awaitFinal(UUID onboardingId, Duration timeout) {
        try {
            return runs.get(onboardingId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The plan of " + onboardingId + " did not finish within " + timeout, e);
        }
    }

    static StatusEvent finalEvent(List<StatusEvent> events) {
        return events.stream().filter(StatusEvent::isFinal).findFirst().orElseThrow();
    }

    /** The last event of each step, as the API would show it. */
    static Map<ProvisioningStep, StatusEvent> lastByStep(List<StatusEvent> events) {
        Map<ProvisioningStep, StatusEvent> last = new LinkedHashMap<>();
        events.stream().filter(event -> !event.isAboutOnboarding()).forEach(event -> last.put(event.step(), event));
        return last;
    }

    @Override
    public void close() {
        plans.shutdownNow();
    }
}
