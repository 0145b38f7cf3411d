package de.nrw.intervention.youngoffender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.casefile.InvalidCaseDataException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YoungOffenderDatesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private final YoungOffenderDates dates = new YoungOffenderDates(new PlatformCalendar(BERLIN));

  @BeforeEach
  void fixClock() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 3, 2, 9, 0)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void before_acceptsFormJsDatesRestDatesAndDateObjects() {
    Date expected = at(LocalDate.of(2026, 3, 13).atStartOfDay());

    assertThat(dates.before("2026-03-20", "P7D")).isEqualTo(expected);
    assertThat(dates.before("2026-03-20T10:00:00.000+0100", "P7D")).isEqualTo(expected);
    assertThat(dates.before("2026-03-20T10:00:00+01:00", "P7D")).isEqualTo(expected);
    assertThat(dates.before(at(LocalDateTime.of(2026, 3, 20, 10, 0)), "P7D")).isEqualTo(expected);
  }

  @Test
  void endOfDay_isTheLastMillisecondOfTheDay() {
    assertThat(dates.endOfDay("2026-03-20")).isEqualTo(at(LocalDateTime.of(2026, 3, 20, 23, 59, 59, 999_000_000)));
  }

  @Test
  void endOfDay_underAUtcJvm_isTheEndOfTheDayInBerlin() {
    TimeZone jvmDefault = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // as in the container image
    try {
      YoungOffenderDates inContainer = new YoungOffenderDates(new PlatformCalendar(BERLIN));

      // 20 March 2026 ends at 23:59:59.999 in Köln (CET, UTC+1), i.e. 22:59:59.999 UTC, not at 01:00 the next day
      assertThat(inContainer.endOfDay("2026-03-20").toInstant()).hasToString("2026-03-20T22:59:59.999Z");
      assertThat(inContainer.before("2026-03-20", "P7D").toInstant()).hasToString("2026-03-12T23:00:00Z");
      // a REST date-time late in the Berlin evening is still that Berlin day
      assertThat(inContainer.endOfDay("2026-03-20T23:30:00+01:00").toInstant()).hasToString("2026-03-20T22:59:59.999Z");
    } finally {
      TimeZone.setDefault(jvmDefault);
    }
  }

  @Test
  void eighteenthBirthday_fromDateOfBirth() {
    VariableScope variables = variables(15, "2010-09-15");

    assertThat(dates.eighteenthBirthday(variables)).isEqualTo(at(LocalDate.of(2028, 9, 15).atStartOfDay()));
  }

  @Test
  void eighteenthBirthday_fromAgeOnly_isTheEarliestPossibleDay() {
    // 15 on 2 March 2026 means born between 3 March 2010 and 2 March 2011: 18 on 3 March 2028 at the earliest
    assertThat(dates.eighteenthBirthday(variables(15.0, null))).isEqualTo(at(LocalDate.of(2028, 3, 3).atStartOfDay()));
    assertThat(dates.eighteenthBirthday(variables(17L, ""))).isEqualTo(at(LocalDate.of(2026, 3, 3).atStartOfDay()));
  }

  @Test
  void notADate_isRejectedWithTheValue() {
    assertThatThrownBy(() -> dates.before("next friday", "P7D")).isInstanceOf(InvalidCaseDataException.class)
        .hasMessageContaining("next friday");
  }

  @Test
  void fractionalAge_isRejected() {
    assertThatThrownBy(() -> YoungOffenderDates.wholeNumber(15.5, "age")).isInstanceOf(InvalidCaseDataException.class);
  }

  private static VariableScope variables(Object age, Object dateOfBirth) {
    VariableScope variables = mock(VariableScope.class);
    when(variables.getVariable("age")).thenReturn(age);
    when(variables.getVariable("dateOfBirth")).thenReturn(dateOfBirth);
    return variables;
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(BERLIN).toInstant());
  }
}
