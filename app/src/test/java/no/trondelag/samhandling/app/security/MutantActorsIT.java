package no.trondelag.samhandling.app.security;

import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.app.report.ActorVisibility;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:mutant-actors;DB_CLOSE_DELAY=-1")
class MutantActorsIT extends ReadAccessIT {
    @MockitoBean
    ActorVisibility visibility;

    @BeforeEach
    void leak() {
        Mockito.when(visibility.forCurrentReader(Mockito.any())).thenAnswer(i -> (List<HistoryEntry>) i.getArgument(0));
    }
}
