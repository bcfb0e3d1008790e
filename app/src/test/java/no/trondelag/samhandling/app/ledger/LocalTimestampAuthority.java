package no.trondelag.samhandling.app.ledger;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority for tests, over HTTP on a free local port, with a self-signed certificate for
 * time-stamping. It can be told to misbehave: answer an error status, another content type, or a reply to another
 * request.
 */
final class LocalTimestampAuthority implements AutoCloseable {

    /** How the authority answers. */
    enum Behaviour { HONEST, HTTP_ERROR, WRONG_CONTENT_TYPE, REPLY_TO_ANOTHER_REQUEST }

    private final HttpServer server;
    private final X509Certificate certificate;
    private final TimeStampResponseGenerator replies;
    private final AtomicInteger serial = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.HONEST;

    LocalTimestampAuthority() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Test TSA, O=Samhandling ledger tests");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(
                        NISTObjectIdentifiers.id_sha256)), new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        replies = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] reply;
            try (InputStream body = exchange.getRequestBody()) {
                TimeStampRequest request = new TimeStampRequest(body.readAllBytes());
                if (behaviour == Behaviour.REPLY_TO_ANOTHER_REQUEST) {
                    request = new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, new byte[32],
                            BigInteger.TEN);
                }
                reply = replies.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date())
                        .getEncoded();
            } catch (Exception e) {
                throw new IOException(e);
            }
            exchange.getResponseHeaders().set("Content-Type", behaviour == Behaviour.WRONG_CONTENT_TYPE
                    ? "text/html" : "application/timestamp-reply");
            exchange.sendResponseHeaders(behaviour == Behaviour.HTTP_ERROR ? 500 : 200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    X509Certificate certificate() {
        return certificate;
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    int served() {
        return serial.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
