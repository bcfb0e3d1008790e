package no.trondelag.samhandling.app.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * An RFC 3161 time-stamping authority, asked over HTTP (RFC 3161 §3.4) to time-stamp a checkpoint: a request with
 * the SHA-256 of the signed note, a fresh nonce and a request for the authority's certificate; the reply is kept only
 * once it is granted, answers this request (imprint and nonce) and its token's signature verifies with the
 * certificate it carries. Whether that certificate is one to trust is the auditor's call, with
 * {@code openssl ts -verify}.
 */
public class TimestampAuthority {

    private static final String QUERY = "application/timestamp-query";
    private static final String REPLY = "application/timestamp-reply";

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the client.
     *
     * @param url     the authority's URL
     * @param timeout how long one request may take
     */
    public TimestampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Time-stamps data.
     *
     * @param data what to time-stamp: a signed note's bytes
     * @return the authority's reply (a DER-encoded TimeStampResp), checked
     * @throws IOException when the authority cannot be reached or its reply does not hold
     */
    public byte[] timestamp(byte[] data) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256(data),
                new BigInteger(64, random));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", QUERY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking " + url + " for a time-stamp", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("The time-stamping authority " + url + " answered HTTP " + response.statusCode());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith(REPLY)) {
            throw new IOException("The time-stamping authority " + url + " answered " + type + ", not " + REPLY);
        }
        try {
            TimeStampResponse reply = new TimeStampResponse(response.body());
            reply.validate(request);
            TimeStampToken token = reply.getTimeStampToken();
            if (token == null) {
                throw new IOException("The time-stamping authority " + url + " granted no token: "
                        + reply.getStatusString());
            }
            verifySignature(token);
            return reply.getEncoded();
        } catch (TSPException e) {
            throw new IOException("The time-stamping authority's reply does not hold: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void verifySignature(TimeStampToken token) throws IOException, TSPException {
        Store<X509CertificateHolder> certificates = token.getCertificates();
        Collection<X509CertificateHolder> signers = certificates.getMatches(token.getSID());
        if (signers.isEmpty()) {
            throw new IOException("The time-stamp token carries no certificate of its signer");
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signers.iterator().next()));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IOException("The time-stamp token's certificate cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TimestampAuthority[" + url + "]";
    }
}
