package com.trustifi.onboarding.api.relayaccount;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Domain names as they are stored and sent to Exchange: ASCII (an internationalized name becomes
 * its xn-- form through java.net.IDN), lower case, without a trailing dot.
 */
public final class DomainNames {

    private static final Pattern ASCII_DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

    private DomainNames() {
    }

    /** The ASCII form of a domain name, or empty when it is not one. */
    static Optional<String> toAscii(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(name.trim(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return ASCII_DOMAIN.matcher(ascii).matches() ? Optional.of(ascii) : Optional.empty();
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
    }

    public static String normalize(String name) {
        return toAscii(name).orElseThrow(() -> new IllegalArgumentException("Not a domain name"));
    }
}
