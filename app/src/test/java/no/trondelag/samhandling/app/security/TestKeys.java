package no.trondelag.samhandling.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * RSA keys and RS256 bearer tokens generated for the tests, standing in for an OAuth2 issuer.
 */
final class TestKeys {

    private TestKeys() {
    }

    /**
     * A fresh 2048-bit RSA key pair.
     *
     * @return the key pair
     */
    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The public key as PEM: {@code -----BEGIN PUBLIC KEY-----}, the Base64 of its X.509 encoding in 64-character
     * lines, {@code -----END PUBLIC KEY-----}.
     *
     * @param keys the key pair
     * @return the PEM text
     */
    static String publicKeyPem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * Writes the public key as PEM to a temporary file, deleted when the JVM exits.
     *
     * @param keys the key pair
     * @return the file
     */
    static Path writePublicKeyPem(KeyPair keys) {
        try {
            Path file = Files.createTempFile("ledger-jwt-public-key", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, publicKeyPem(keys), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The public key as a JSON Web Key Set, as an issuer publishes it.
     *
     * @param keys  the key pair
     * @param keyId the key's {@code kid}
     * @return the JWK set as JSON
     */
    static String jwkSet(KeyPair keys, String keyId) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .keyID(keyId)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        return new JWKSet(key).toString();
    }

    /**
     * The claims the ledger reads, and the issuer.
     *
     * @param issuer        {@code iss}, or {@code null} for none
     * @param subject       {@code sub}
     * @param roles         {@code roles}, or {@code null} for none
     * @param participantId {@code participant_id}, or {@code null} for none
     * @param expiry        {@code exp}
     * @return the claims
     */
    static JWTClaimsSet claims(String issuer, String subject, List<String> roles, String participantId,
                               Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(expiry));
        if (roles != null) {
            claims.claim("roles", roles);
        }
        if (participantId != null) {
            claims.claim("participant_id", participantId);
        }
        return claims.build();
    }

    /**
     * Publishes a JWK set at {@code /jwks.json} on a local HTTP server, as an issuer does.
     *
     * @param jwkSet the JWK set as JSON
     * @return the started server; stop it when done
     */
    static HttpServer publishJwkSet(String jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks.json", exchange -> {
                byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The address of a JWK set published by {@link #publishJwkSet(String)}.
     *
     * @param server the server
     * @return its {@code /jwks.json} URI
     */
    static String jwkSetUri(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /**
     * Signs claims with RS256.
     *
     * @param claims the claims
     * @param key    the private key
     * @param keyId  the {@code kid} header, or {@code null} for none
     * @return the compact serialised token
     */
    static String sign(JWTClaimsSet claims, PrivateKey key, String keyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
