package no.trondelag.samhandling.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.app.config.LedgerJson;
import no.trondelag.samhandling.app.problem.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Reads the conditional headers of a command request: {@code If-Match} (the version the target must be at) and
 * {@code Idempotency-Key}, and computes the hash that tells a retry from a different request under the same key.
 */
@Component
public class CommandPreconditions {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(-1|\\d{1,18})\"?");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final ObjectMapper canonicalJson = LedgerJson.messageMapper();

    /**
     * The expected version from {@code If-Match}.
     *
     * @param ifMatch the header, such as {@code "3"} or {@code 3}, or {@code null}
     * @return the version, or {@code null} without the header
     */
    public Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        var matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw InvalidInputException.parameters(List.of(new FieldError("If-Match",
                    "must be the aggregate version from an earlier response's ETag, such as \"3\"")));
        }
        return Long.valueOf(matcher.group(1));
    }

    /**
     * The idempotency key.
     *
     * @param key the header, or {@code null}
     * @return the key, or {@code null} without the header
     */
    public String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw InvalidInputException.parameters(List.of(new FieldError("Idempotency-Key",
                    "must be 1 to 200 visible ASCII characters, such as a UUID")));
        }
        return key;
    }

    /**
     * A SHA-256 hash of the sender, the command's name and its fields, so that a retry matches its first request
     * whatever the whitespace or field order of the JSON it was sent as.
     *
     * @param actor       the sender
     * @param commandName the command's name
     * @param command     the bound command
     * @return the hash, hex-encoded
     */
    public String requestHash(String actor, String commandName, LedgerCommand command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((actor + "\n" + commandName + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(canonicalJson.writeValueAsBytes(command));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }
}
