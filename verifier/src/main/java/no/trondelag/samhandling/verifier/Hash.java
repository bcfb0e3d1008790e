package no.trondelag.samhandling.verifier;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 value: an event's hash, a link's chain hash, or a digest. Written as 64 lowercase hexadecimal digits.
 */
public final class Hash {

    /** The number of bytes of a SHA-256 value. */
    public static final int LENGTH = 32;

    /** The chain hash before the first event: 32 zero bytes. */
    public static final Hash ZERO = new Hash(new byte[LENGTH]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A hash from its bytes.
     *
     * @param bytes exactly 32 bytes, copied
     * @return the hash
     * @throws IllegalArgumentException when there are not 32 bytes
     */
    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("A SHA-256 value has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /**
     * A hash from its hexadecimal form, in either case.
     *
     * @param hex 64 hexadecimal digits
     * @return the hash
     * @throws IllegalArgumentException when the text is not 64 hexadecimal digits
     */
    public static Hash fromHex(String hex) {
        if (!isHex(hex)) {
            throw new IllegalArgumentException("A SHA-256 value is written as 64 hexadecimal digits");
        }
        return new Hash(HEX.parseHex(hex));
    }

    /**
     * Whether a text is the hexadecimal form of a hash.
     *
     * @param text the text, possibly {@code null}
     * @return {@code true} for exactly 64 hexadecimal digits in either case
     */
    public static boolean isHex(String text) {
        if (text == null || text.length() != 2 * LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hexDigit) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hash's bytes.
     *
     * @return a copy of the 32 bytes
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The hash as text.
     *
     * @return 64 lowercase hexadecimal digits
     */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash hash && Arrays.equals(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
