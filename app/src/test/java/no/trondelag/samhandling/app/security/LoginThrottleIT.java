package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Repeated failed HTTP Basic logins are refused for a while with 429, {@code Retry-After} and problem details, the
 * right password too, and logins work again once the lockout ends. Each test comes from its own loopback address,
 * so the counts of one do not reach another; the lockouts are short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:login-throttle-it;DB_CLOSE_DELAY=-1",
        "ledger.security.login-throttle.first-lockout=1s",
        "ledger.security.login-throttle.user-and-address.free-failures=3",
        "ledger.security.login-throttle.user-and-address.max-lockout=2s",
        "ledger.security.login-throttle.address.free-failures=6",
        "ledger.security.login-throttle.address.max-lockout=2s",
        "ledger.security.login-throttle.user.free-failures=10",
        "ledger.security.login-throttle.user.max-lockout=1s"})
class LoginThrottleIT {

    private static final int MAX_ATTEMPTS = 10;

    @LocalServerPort
    int port;

    @Test
    void wrongPasswordsForOneUserLockItOutFromThatAddressUntilTheLockoutEnds() throws InterruptedException {
        String address = "127.0.0.11";
        for (int attempt = 1; attempt <= 4; attempt++) {
            RawHttp.Response failed = login(address, "auditor", "not-the-password");
            assertThat(failed.status()).as("attempt " + attempt + ": " + failed).isEqualTo(401);
        }

        RawHttp.Response locked = login(address, "auditor", "not-the-password");
        assertTooManyFailedLogins(locked);
        RawHttp.Response rightPassword = login(address, "auditor", "auditor");
        assertTooManyFailedLogins(rightPassword);
        assertThat(login("127.0.0.12", "auditor", "auditor").status()).as("another address").isEqualTo(200);
        assertThat(login(address, "secretariat", "secretariat").status()).as("another user").isEqualTo(200);

        Thread.sleep(Long.parseLong(rightPassword.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);

        assertThat(login(address, "auditor", "auditor").status()).isEqualTo(200);
        assertThat(login(address, "auditor", "not-the-password").status())
                .as("the login forgot the failures").isEqualTo(401);
    }

    @Test
    void anAddressGuessingManyUserNamesIsLockedOutForEveryName() throws InterruptedException {
        String address = "127.0.0.21";
        int attempts = 0;
        RawHttp.Response response;
        do {
            response = login(address, "guess-" + attempts, "guess");
            attempts++;
        } while (response.status() == 401 && attempts < MAX_ATTEMPTS);

        assertThat(attempts).as("refused after the address's 6 free failures and one more").isEqualTo(8);
        assertTooManyFailedLogins(response);
        RawHttp.Response rightPassword = login(address, "secretariat", "secretariat");
        assertTooManyFailedLogins(rightPassword);
        assertThat(login("127.0.0.22", "secretariat", "secretariat").status()).as("another address").isEqualTo(200);

        Thread.sleep(Long.parseLong(rightPassword.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);

        assertThat(login(address, "secretariat", "secretariat").status()).isEqualTo(200);
    }

    @Test
    void requestsWithoutCredentialsAreNotThrottled() {
        String address = "127.0.0.31";
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            login(address, "kommune-5054", "wrong");
        }

        RawHttp.Response anonymous = RawHttp.anonymous(port).from(address).raw("GET /api/regions HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
    }

    private RawHttp.Response login(String address, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return RawHttp.anonymous(port).from(address).raw("GET /api/regions HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertTooManyFailedLogins(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).isEqualTo("too-many-failed-logins");
        assertThat(response.json().path("detail").asText()).contains("try again in");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(value ->
                assertThat(Integer.parseInt(value)).isBetween(1, 2));
    }
}
