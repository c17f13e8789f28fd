package com.trustifi.onboarding.api.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.trustifi.onboarding.api.audit.AuditLog;
import com.trustifi.onboarding.api.connection.ConsentWithdrawnException;
import com.trustifi.onboarding.api.database.UuidArray;
import com.trustifi.onboarding.api.http.UnacceptableRequestException;
import com.trustifi.onboarding.api.onboarding.Activation;
import com.trustifi.onboarding.api.onboarding.Onboarding;
import com.trustifi.onboarding.api.onboarding.OnboardingStatus;
import com.trustifi.onboarding.model.PropertyDrift;
import com.trustifi.onboarding.model.RelaySecretCipher;
import com.trustifi.onboarding.model.StatusEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners' webhooks, and the events queued for them. An event is queued in the transaction that
 * applies the status change, so that it exists exactly when the change does; {@link WebhookSender}
 * sends it later, so that a slow or failing endpoint never holds up status processing.
 */
@ApplicationScoped
public class Webhooks {

    private final RelaySecretCipher cipher;
    private final WebhookTargets targets;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    Webhooks(RelaySecretCipher cipher, WebhookTargets targets, AuditLog audit, ObjectMapper json, Clock clock) {
        this.cipher = cipher;
        this.targets = targets;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A webhook as set, with its secret in plain text when it was generated: the only time it is shown. */
    public record Saved(Webhook webhook, Optional<String> generatedSecret) {

        @Override
        public String toString() {
            return "Saved[partner=" + webhook.partnerId + "]";
        }
    }

    /** Sets the partner's webhook, replacing any; without a secret, one is generated. */
    @Transactional
    public Saved set(UUID partnerId, String url, Optional<String> secret, WebhookEvents events) {
        targets.refusal(url).ifPresent(reason -> {
            throw new UnacceptableRequestException("url", reason);
        });
        Webhook webhook = Webhook.<Webhook>findByIdOptional(partnerId).orElseGet(() -> {
            var created = new Webhook();
            created.partnerId = partnerId;
            return created;
        });
        String plain = secret.orElseGet(RelaySecretCipher::newSecret);
        webhook.url = url;
        webhook.events = events;
        webhook.secret(cipher.encrypt(Webhook.associatedData(partnerId), plain));
        webhook.updatedAt = clock.instant();
        webhook.persist();
        audit.record(partnerId, "webhook.set", "webhook", partnerId);
        return new Saved(webhook, secret.isPresent() ? Optional.empty() : Optional.of(plain));
    }

    @Transactional
    public Optional<Webhook> find(UUID partnerId) {
        return Webhook.findByIdOptional(partnerId);
    }

    /** Removes the partner's webhook; events not yet delivered are dropped with it. */
    @Transactional
    public boolean delete(UUID partnerId) {
        if (!Webhook.deleteById(partnerId)) {
            return false;
        }
        WebhookDelivery.update("nextAttemptAt = null, lastError = 'the webhook was removed' "
                + "where partnerId = ?1 and nextAttemptAt is not null", partnerId);
        audit.record(partnerId, "webhook.delete", "webhook", partnerId);
        return true;
    }

    /**
     * Queues the events a status event causes, in the consumer's transaction: one when the
     * onboarding has just finished, and with ALL_STEPS one for each step's outcome as well.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusApplied(Onboarding onboarding, OnboardingStatus before, StatusEvent event) {
        statusApplied(onboarding, before, event,
                onboarding.partnerId == null ? Optional.empty() : Webhook.findByIdOptional(onboarding.partnerId));
    }

    /** The webhooks of these partners, by partner, in one query: a batch of status events looks each up once. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Webhook> ofPartners(Collection<UUID> partnerIds) {
        Map<UUID, Webhook> webhooks = new HashMap<>();
        if (!partnerIds.isEmpty()) {
            ((List<Webhook>) Webhook.getEntityManager()
                    .createNativeQuery("select * from webhook where partner_id = any(cast(:ids as uuid[]))", Webhook.class)
                    .setParameter("ids", UuidArray.of(partnerIds))
                    .getResultList())
                    .forEach(webhook -> webhooks.put(webhook.partnerId, webhook));
        }
        return webhooks;
    }

    /** As {@link #statusApplied(Onboarding, OnboardingStatus, StatusEvent)}, with the partner's webhook already looked up. */
    public void statusApplied(Onboarding onboarding, OnboardingStatus before, StatusEvent event, Optional<Webhook> webhook) {
        // the fleet watch's checks are not the partner's: it hears of what they find (tenantDrifted), not of them
        if (webhook.isEmpty() || onboarding.watch) {
            return;
        }
        boolean finished = !before.isTerminal() && onboarding.status.isTerminal() && onboarding.status != OnboardingStatus.CANCELED;
        if (finished) {
            queue(onboarding, WebhookEvent.FINISHED, event);
        } else if (webhook.get().events == WebhookEvents.ALL_STEPS && !event.isAboutOnboarding()
                && onboarding.status != OnboardingStatus.CANCELED) {
            queue(onboarding, WebhookEvent.STEP, event);
        }
    }

    /** Tells the partner that Entra refused the app in its connected tenant, which needs its administrator again. */
    public void consentWithdrawn(Onboarding onboarding, StatusEvent event, Optional<Webhook> webhook) {
        if (webhook.isPresent()) {
            write(onboarding.partnerId, new WebhookEvent(UUID.randomUUID(), WebhookEvent.CONSENT_WITHDRAWN, onboarding.id, onboarding.batchId,
                    onboarding.tenantId, onboarding.status, event.step(), event.outcome(), event.detail(),
                    ConsentWithdrawnException.REMEDIATION, false, event.occurredAt()));
        }
    }

    /** Tells the partner that the fleet watch found the tenant's objects changed; once per change, not once per check. */
    public void tenantDrifted(Onboarding check, StatusEvent event, List<PropertyDrift> drift) {
        if (find(check.partnerId).isPresent()) {
            write(check.partnerId, new WebhookEvent(UUID.randomUUID(), WebhookEvent.DRIFTED, check.id, null, check.tenantId,
                    check.status, null, event.outcome(), event.detail(), event.remediation(), false, event.occurredAt(), drift));
        }
    }

    /** Tells the partner that a SUCCEEDED onboarding is confirmed in effect, or that it is not (NOT_PROPAGATED). */
    public void activation(Onboarding onboarding, Instant at) {
        if (find(onboarding.partnerId).isPresent()) {
            String type = onboarding.activation == Activation.ACTIVE ? WebhookEvent.ACTIVE : WebhookEvent.NOT_PROPAGATED;
            write(onboarding.partnerId, new WebhookEvent(UUID.randomUUID(), type, onboarding.id, onboarding.batchId,
                    onboarding.tenantId, onboarding.status, null, null, onboarding.activationDetail, null, false, at));
        }
    }

    /** The webhook's secret, for signing. */
    String secretOf(Webhook webhook) {
        return cipher.decrypt(Webhook.associatedData(webhook.partnerId), webhook.secret());
    }

    private void queue(Onboarding onboarding, String type, StatusEvent event) {
        boolean finished = WebhookEvent.FINISHED.equals(type);
        var body = new WebhookEvent(UUID.randomUUID(), type, onboarding.id, onboarding.batchId, onboarding.tenantId,
                onboarding.status, finished ? null : event.step(), event.outcome(),
                finished ? onboarding.detail : event.detail(), finished ? onboarding.remediation : event.remediation(),
                finished && onboarding.retryable, event.occurredAt());
        write(onboarding.partnerId, body);
    }

    private void write(UUID partnerId, WebhookEvent body) {
        try {
            WebhookDelivery.of(partnerId, json.writeValueAsString(body), clock.instant()).persist();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook event could not be written", e);
        }
    }
}
