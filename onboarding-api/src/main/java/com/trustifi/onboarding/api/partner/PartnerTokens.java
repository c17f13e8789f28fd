package com.trustifi.onboarding.api.partner;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Recognizes OAuth2 bearer tokens of partners: a JWT signed by the configured issuer
 * ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}), not expired, whose
 * {@value #PARTNER_CLAIM} claim names a known partner.
 */
@ApplicationScoped
public class PartnerTokens {

    public static final String PARTNER_CLAIM = "partner_id";

    private final JWTParser parser;

    PartnerTokens(JWTParser parser) {
        this.parser = parser;
    }

    @Transactional
    public Optional<UUID> partnerOf(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            Object claim = jwt.getClaim(PARTNER_CLAIM);
            if (claim == null) {
                return Optional.empty();
            }
            UUID partnerId = UUID.fromString(claim.toString().replace("\"", ""));
            return Partner.<Partner>findByIdOptional(partnerId).map(partner -> partner.id);
        } catch (ParseException | IllegalArgumentException notAPartnerToken) {
            return Optional.empty();
        }
    }
}
