package com.trustifi.onboarding.worker.dns;

import com.trustifi.onboarding.worker.config.WorkerConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** Reads DNS records with real queries, through the JDK's DNS provider: a domain's SPF record, or any TXT, CNAME or MX. */
@Singleton
public class DnsLookup {

    private final WorkerConfig.Spf config;

    DnsLookup(WorkerConfig config) {
        this.config = config.spf();
    }

    /**
     * @return the domain's "v=spf1" record, or empty when it has none
     * @throws NamingException when DNS could not be asked
     */
    public Optional<String> spfRecord(String domain) throws NamingException {
        return values(domain, "TXT").stream().filter(value -> value.toLowerCase(Locale.ROOT).startsWith("v=spf1")).findFirst();
    }

    /**
     * @param type TXT, CNAME or MX
     * @return the name's records of that type as text (TXT strings joined, MX as "preference host", names without the
     *         trailing dot), empty when it has none
     * @throws NamingException when DNS could not be asked
     */
    public List<String> values(String name, String type) throws NamingException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, config.resolver().map(server -> "dns://" + server).orElse("dns:"));
        environment.put("com.sun.jndi.dns.timeout.initial", String.valueOf(config.timeout().toMillis()));
        environment.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext dns = new InitialDirContext(environment);
        try {
            List<String> values = texts(dns.getAttributes(name, new String[] {type}).get(type));
            // host names come fully qualified; TXT is text, its dots its own
            return type.equalsIgnoreCase("TXT") ? values : values.stream().map(value -> value.replaceAll("\\.$", "")).toList();
        } catch (NameNotFoundException noSuchName) {
            return List.of();
        } finally {
            dns.close();
        }
    }

    /** A TXT record may come as several quoted strings, which DNS means to be joined. */
    private static List<String> texts(Attribute records) throws NamingException {
        List<String> values = new ArrayList<>();
        if (records == null) {
            return values;
        }
        NamingEnumeration<?> all = records.getAll();
        while (all.hasMore()) {
            values.add(all.next().toString().replaceAll("\"\\s*\"", "").replace("\"", ""));
        }
        return values;
    }
}
