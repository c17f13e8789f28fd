package com.trustifi.onboarding.api.connection;

import com.trustifi.onboarding.api.connection.consent.VerifiedAdministrator;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A connect link given to a partner. Its administrator's verified sign-in is recorded on it (once), then the admin
 * consent that follows connects the administrator's tenant to that partner (once).
 */
@Entity
@Table(name = "tenant_connection_request")
public class ConnectionRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The tenant the link is for, or null when the administrator's own tenant is meant. */
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** When the sign-in leg's state was used; the consent leg needs a verified sign-in. */
    @Column(name = "signed_in_at")
    public Instant signedInAt;

    /** The tenant of the administrator who signed in, from the id token Entra signed. */
    @Column(name = "admin_tenant_id")
    public String adminTenantId;

    @Column(name = "admin_object_id")
    public String adminObjectId;

    @Column(name = "admin_username")
    public String adminUsername;

    static ConnectionRequest of(UUID partnerId, String tenantId, Instant now, Instant expiresAt) {
        var request = new ConnectionRequest();
        request.id = UUID.randomUUID();
        request.partnerId = partnerId;
        request.tenantId = tenantId;
        request.createdAt = now;
        request.expiresAt = expiresAt;
        return request;
    }

    /**
     * Uses up the sign-in leg, in one statement, so that two callbacks racing with the same state
     * cannot both get through: only the one that changed the row may go on.
     */
    static boolean useSignIn(UUID id, UUID partnerId, Instant now) {
        return update("signedInAt = ?1 where id = ?2 and partnerId = ?3 and signedInAt is null and usedAt is null and expiresAt > ?1",
                now, id, partnerId) == 1;
    }

    /** Uses up the consent leg, in one statement; only after a verified sign-in. */
    static boolean useConsent(UUID id, UUID partnerId, Instant now) {
        return update("usedAt = ?1 where id = ?2 and partnerId = ?3 and usedAt is null and adminTenantId is not null and expiresAt > ?1",
                now, id, partnerId) == 1;
    }

    static void signedIn(UUID id, VerifiedAdministrator administrator) {
        update("adminTenantId = ?1, adminObjectId = ?2, adminUsername = ?3 where id = ?4",
                administrator.tenantId(), administrator.objectId(), administrator.username(), id);
    }
}
