package com.trustifi.onboarding.worker.dns;

import com.trustifi.onboarding.worker.config.WorkerConfig;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/** Reads a domain's SPF record with a real DNS TXT query, through the JDK's DNS provider. */
@Singleton
public class SpfLookup {

    private final WorkerConfig.Spf config;

    SpfLookup(WorkerConfig config) {
        this.config = config.spf();
    }

    /**
     * @return the domain's "v=spf1" record, or empty when it has none
     * @throws NamingException when DNS could not be asked
     */
    public Optional<String> spfRecord(String domain) throws NamingException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, config.resolver().map(server -> "dns://" + server).orElse("dns:"));
        environment.put("com.sun.jndi.dns.timeout.initial", String.valueOf(config.timeout().toMillis()));
        environment.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext dns = new InitialDirContext(environment);
        try {
            Attribute txt = dns.getAttributes(domain, new String[] {"TXT"}).get("TXT");
            return txtValues(txt).stream().filter(value -> value.toLowerCase(java.util.Locale.ROOT).startsWith("v=spf1")).findFirst();
        } catch (NameNotFoundException noSuchDomain) {
            return Optional.empty();
        } finally {
            dns.close();
        }
    }

    /** A TXT record may come as several quoted strings, which DNS means to be joined. */
    private static List<String> txtValues(Attribute txt) throws NamingException {
        List<String> values = new ArrayList<>();
        if (txt == null) {
            return values;
        }
        NamingEnumeration<?> all = txt.getAll();
        while (all.hasMore()) {
            values.add(all.next().toString().replaceAll("\"\\s*\"", "").replace("\"", ""));
        }
        return values;
    }
}
