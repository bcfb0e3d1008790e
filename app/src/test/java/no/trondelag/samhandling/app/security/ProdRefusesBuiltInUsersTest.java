package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@code prod} profile must not start with the built-in users (whose passwords are their names) switched on.
 * The properties are given as command-line arguments, as an operator would: {@code SpringApplicationBuilder
 * .properties(..)} sets only defaults, which {@code application-prod.yml} overrides.
 */
class ProdRefusesBuiltInUsersTest {

    private static final String REFUSAL = "The prod profile refuses to start with the built-in users enabled";

    @Test
    void prodWithBuiltInUsersRefusesToStart() {
        assertThat(ProdStart.refusal("prod-refuses-built-in-users", "--ledger.security.built-in-users=true"))
                .as("the failure's cause chain").anySatisfy(message -> assertThat(message).contains(REFUSAL));
    }
}
