package no.trondelag.samhandling.query.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.query.ledger.Facts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressViewTest {

    private final Facts facts = new Facts();

    private ProgressView fold() {
        return facts.foldInto(new ProgressView());
    }

    private static DigitalMaturityAssessed assessed(String participantId, LocalDate on, String score) {
        return new DigitalMaturityAssessed(participantId, on, new BigDecimal(score), "KS digitaliseringsindeks");
    }

    @Nested
    class Maturity {

        @Test
        void theLatestAssessmentByDateCounts() {
            facts.recordAll(assessed("5054", LocalDate.of(2018, 3, 1), "2.5"),
                    assessed("5054", LocalDate.of(2019, 3, 1), "3.1"));

            assertThat(fold().latestScore("5054")).isEqualTo(new BigDecimal("3.1"));
        }

        @Test
        void anOlderAssessmentRecordedLaterDoesNotReplaceANewerOne() {
            facts.recordAll(assessed("5054", LocalDate.of(2019, 3, 1), "3.1"),
                    assessed("5054", LocalDate.of(2017, 10, 1), "4.9"));

            assertThat(fold().latestScore("5054")).isEqualTo(new BigDecimal("3.1"));
        }

        @Test
        void aSecondAssessmentOnTheSameDateReplacesTheFirst() {
            facts.recordAll(assessed("5054", LocalDate.of(2019, 3, 1), "3.1"),
                    assessed("5054", LocalDate.of(2019, 3, 1), "3.3"));

            assertThat(fold().latestScore("5054")).isEqualTo(new BigDecimal("3.3"));
        }

        @Test
        void aParticipantNeverAssessedHasNoScore() {
            facts.record(assessed("5054", LocalDate.of(2019, 3, 1), "3.1"));

            assertThat(fold().latestScore("5020")).isNull();
        }
    }

    @Nested
    class NationalComponents {

        @Test
        void everyComponentAnyParticipantAdoptedIsTrackedOnce() {
            facts.recordAll(new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2018, 4, 1)),
                    new NationalComponentAdopted("5054", "ID-porten", LocalDate.of(2018, 5, 1)),
                    new NationalComponentAdopted("5015", "ID-porten", LocalDate.of(2018, 6, 1)),
                    new NationalComponentAdopted("5001", "Altinn", LocalDate.of(2018, 7, 1)));

            assertThat(fold().trackedComponents()).containsExactlyInAnyOrder("Altinn", "ID-porten", "SvarUt");
        }

        @Test
        void eachParticipantsAdoptionsAreCountedOncePerComponent() {
            facts.recordAll(new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2018, 4, 1)),
                    new NationalComponentAdopted("5054", "ID-porten", LocalDate.of(2018, 5, 1)),
                    new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2019, 4, 1)),
                    new NationalComponentAdopted("5015", "ID-porten", LocalDate.of(2018, 6, 1)));

            ProgressView view = fold();

            assertThat(view.adoptedCount("5054")).isEqualTo(2);
            assertThat(view.adoptedCount("5015")).isEqualTo(1);
            assertThat(view.adoptedCount("5020")).isZero();
        }
    }

    @Nested
    class CompetenceProgramme {

        @Test
        void aCohortCompletedByAtLeastOneLeaderCounts() {
            facts.recordAll(new CompetenceProgrammeEnrolled("5054", "2019-1", 12),
                    new CompetenceProgrammeCompleted("5054", "2019-1", 11));

            assertThat(fold().completedProgramme("5054")).isTrue();
        }

        @Test
        void aCohortCompletedByNoLeaderDoesNotCount() {
            facts.recordAll(new CompetenceProgrammeEnrolled("5015", "2019-1", 4),
                    new CompetenceProgrammeCompleted("5015", "2019-1", 0));

            assertThat(fold().completedProgramme("5015")).isFalse();
        }

        @Test
        void anEnrolmentAloneDoesNotCount() {
            facts.record(new CompetenceProgrammeEnrolled("5020", "2019-2", 3));

            assertThat(fold().completedProgramme("5020")).isFalse();
        }

        @Test
        void aLaterCohortCompletedByNoLeaderDoesNotUndoAnEarlierCompletion() {
            facts.recordAll(new CompetenceProgrammeCompleted("5054", "2019-1", 11),
                    new CompetenceProgrammeCompleted("5054", "2020-1", 0));

            assertThat(fold().completedProgramme("5054")).isTrue();
        }
    }
}
