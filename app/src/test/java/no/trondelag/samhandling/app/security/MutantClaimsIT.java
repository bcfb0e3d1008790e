package no.trondelag.samhandling.app.security;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:mutant-claims;DB_CLOSE_DELAY=-1",
        "ledger.security.jwt.participant-claim=sub"})
class MutantClaimsIT extends JwtProdProfileIT {
}
