package com.trustifi.onboarding.model;

/** A domain-verification record, and whether the worker's resolver found it published. */
public record DnsRecordCheck(DnsRecord record, boolean published) {
}
