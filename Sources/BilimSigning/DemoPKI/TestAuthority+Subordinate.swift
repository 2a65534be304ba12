import Crypto
import Foundation
import X509

extension TestAuthority {
    /// Issues a subordinate CA (`C=KZ, CN=<commonName>`, P-256, path length 0) that can issue people's certificates,
    /// like NCA RK's issuing CA under its root.
    public func issueAuthority(commonName: String, notBefore: Date, notAfter: Date) throws -> TestAuthority {
        let key = P256.Signing.PrivateKey()
        let extensions = try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
            try AuthorityKeyIdentifier(keyIdentifier: certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        }
        let subject = try DistinguishedName {
            CountryName("KZ")
            CommonName(commonName)
        }
        let issued = try signedCertificate(
            serial: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey), notBefore: notBefore,
            notAfter: notAfter, subject: subject, extensions: extensions)
        return try TestAuthority(certificate: issued, privateKey: key)
    }
}
