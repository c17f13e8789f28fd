package com.trustifi.onboarding.simulator.exchange;

import java.util.List;
import java.util.Optional;

/** An IPv4 address or CIDR range as connectors and transport rules accept them; Exchange rejects IPv6 here. */
record Ipv4Range(String address, int prefixLength) {

    /** The range written as {@code a.b.c.d} (a /32) or {@code a.b.c.d/n}; empty when it is neither. */
    static Optional<Ipv4Range> parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        int prefix;
        try {
            prefix = slash < 0 ? 32 : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > 32 || !isDottedQuad(address)) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Range(address, prefix));
    }

    /** Checks every value of a parameter, naming the first one Exchange would refuse. */
    static void requireAll(String parameter, List<String> values, int minPrefixLength) {
        for (String value : values) {
            Optional<Ipv4Range> range = parse(value);
            if (range.isEmpty() || range.get().prefixLength() < minPrefixLength) {
                throw CmdletException.cannotConvert(parameter, value, "Microsoft.Exchange.Data.IPRange",
                        "The value '" + value + "' isn't a valid IPv4 address or IPv4 CIDR range with a prefix length between "
                                + minPrefixLength + " and 32.");
            }
        }
    }

    private static boolean isDottedQuad(String address) {
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
