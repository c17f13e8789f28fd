package com.trustifi.onboarding.simulator.exchange;

/** Exchange's TlsAuthLevel (the TlsSettings parameter); constants spelled as Exchange spells them. */
public enum TlsAuthLevel {
    EncryptionOnly,
    CertificateValidation,
    DomainValidation;

    static final String DOTNET_TYPE = "Microsoft.Exchange.Data.TlsAuthLevel";
}
