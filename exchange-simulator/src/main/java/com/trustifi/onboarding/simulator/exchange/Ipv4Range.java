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

    /**
     * Private, loopback, link-local, shared (CGNAT), "this network", multicast and future-use blocks: Exchange refuses
     * connector ranges and smart hosts that touch reserved addresses [S7]; which blocks its list holds is not known, so
     * this is the IANA special-purpose set without the documentation TEST-NETs.
     */
    private static final List<String> RESERVED = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4");

    /** A connector's IP addresses: IPv4 only, /24 to /32 (cmdlet reference), no reserved addresses. */
    static void requireConnectorRanges(String parameter, List<String> values) {
        requireAll(parameter, values, 24);
        values.stream().filter(value -> parse(value).orElseThrow().reserved()).findFirst().ifPresent(value -> {
            throw CmdletException.reservedAddresses(value.trim());
        });
    }

    /** Whether any address of this range is reserved. */
    boolean reserved() {
        return RESERVED.stream().map(block -> parse(block).orElseThrow()).anyMatch(this::overlaps);
    }

    private boolean overlaps(Ipv4Range other) {
        return first() <= other.last() && other.first() <= last();
    }

    private long first() {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        long size = 1L << (32 - prefixLength);
        return value / size * size;
    }

    private long last() {
        return first() + (1L << (32 - prefixLength)) - 1;
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
