package no.trondelag.samhandling.app.security;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:mutant-permissions;DB_CLOSE_DELAY=-1")
class MutantPermissionsIT extends AuthorizationMatrixIT {
    @MockitoBean
    CommandPermissions permissions;
}
