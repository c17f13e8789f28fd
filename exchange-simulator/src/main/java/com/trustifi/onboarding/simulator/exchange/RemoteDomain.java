package com.trustifi.onboarding.simulator.exchange;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An Exchange Online remote domain: formatting and reply settings for mail to other organizations.
 *
 * @param tnefEnabled true Always, false Never, null "follow user settings" (the default)
 */
public record RemoteDomain(UUID guid, String name, String domainName, Boolean tnefEnabled, String characterSet,
                           String nonMimeCharacterSet, OofType allowedOofType, OffsetDateTime whenChanged) implements NamedObject {

    public static final String DEFAULT = "Default";

    /** The remote domain every organization has, with the defaults of a new tenant. */
    static RemoteDomain defaultDomain(OffsetDateTime created) {
        UUID guid = UUID.nameUUIDFromBytes(("remote-domain-default-" + created).getBytes(StandardCharsets.UTF_8));
        return new RemoteDomain(guid, DEFAULT, "*", null, "iso-8859-1", "iso-8859-1", OofType.External, created);
    }

    public String identity() {
        return name;
    }

    public Map<String, Object> toExchangeObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Identity", identity());
        object.put("Name", name);
        object.put("Guid", guid.toString());
        object.put("DomainName", domainName);
        object.put("TNEFEnabled", tnefEnabled);
        object.put("CharacterSet", characterSet);
        object.put("NonMimeCharacterSet", nonMimeCharacterSet);
        object.put("AllowedOOFType", allowedOofType.name());
        object.put("WhenChanged", ExchangeTime.format(whenChanged));
        return object;
    }
}
