package de.nrw.intervention.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.junit.jupiter.api.Test;

class DeadlineLimitTest {

  private static final PlatformCalendar BERLIN = new PlatformCalendar(ZoneId.of("Europe/Berlin"));
  private static final Date LIMIT = date("2026-12-05T16:00:00Z"); // 05.12.2026 17:00 in Berlin

  @Test
  void legalDeadline_movedLater_isRefusedNamingLawAndLimit() {
    assertThatThrownBy(() -> DeadlineLimit.check(date("2026-12-06T16:00:00Z"), LIMIT, "§34a PolG NRW", BERLIN))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("Die Frist ist gesetzlich (§34a PolG NRW) und darf nicht später enden als am 05.12.2026 um "
            + "17:00 Uhr.")
        .hasNoCause();
  }

  @Test
  void legalDeadline_limitedByTheBansEnd_isRefusedNamingTheLastDayAsTheLawDoes() {
    Date banEnd = date("2026-12-05T23:00:00Z"); // 06.12.2026 00:00 in Berlin: the ban of an order of 25.11.
    assertThatThrownBy(() -> DeadlineLimit.check(date("2026-12-06T08:00:00Z"), banEnd, "§34a PolG NRW", BERLIN))
        .hasMessage("Die Frist ist gesetzlich (§34a PolG NRW) und darf nicht später enden als mit Ablauf des "
            + "05.12.2026.");
  }

  @Test
  void legalDeadline_movedEarlierOrToTheLimit_isAllowed() {
    assertThatCode(() -> DeadlineLimit.check(date("2026-12-03T08:00:00Z"), LIMIT, "§34a PolG NRW", BERLIN))
        .doesNotThrowAnyException();
    assertThatCode(() -> DeadlineLimit.check(LIMIT, LIMIT, "§34a PolG NRW", BERLIN)).doesNotThrowAnyException();
  }

  @Test
  void legalDeadline_removed_isRefused() {
    assertThatThrownBy(() -> DeadlineLimit.check(null, LIMIT, "§34a PolG NRW", BERLIN))
        .isInstanceOf(DeadlineRefusedException.class).hasMessage("Die Frist ist gesetzlich (§34a PolG NRW) und darf nicht entfernt werden; sie endet "
            + "spätestens am 05.12.2026 um 17:00 Uhr.");
  }

  @Test
  void withoutLimit_anyChangeIsAllowed() {
    assertThatCode(() -> DeadlineLimit.check(date("2027-01-31T16:00:00Z"), null, "x", BERLIN))
        .doesNotThrowAnyException();
  }

  @Test
  void limitAtCreation_isTheEarlierOfComputedDeadlineAndAbsoluteLimit() {
    Date banEnd = date("2026-12-01T23:00:00Z");
    assertThat(DeadlineLimit.earlier(LIMIT, banEnd)).isEqualTo(banEnd);
    assertThat(DeadlineLimit.earlier(LIMIT, null)).isEqualTo(LIMIT);
    assertThat(DeadlineLimit.earlier(null, banEnd)).isEqualTo(banEnd);
  }

  @Test
  void moved_ignoresSubSecondRounding() {
    assertThat(DeadlineLimit.moved(LIMIT, new Date(LIMIT.getTime() + 400))).isFalse();
    assertThat(DeadlineLimit.moved(LIMIT, new Date(LIMIT.getTime() + 60_000))).isTrue();
    assertThat(DeadlineLimit.moved(null, LIMIT)).isTrue();
  }

  @Test
  void changeRecord_namesOldAndNewDateInBerlinTime_theUser_andTheReason() {
    assertThat(ChangeRecord.text(date("2026-12-02T16:00:00Z"), LIMIT, "youthworker", "Familie verreist", BERLIN))
        .isEqualTo("Frist geändert von 02.12.2026, 17:00 Uhr auf 05.12.2026, 17:00 Uhr durch youthworker. "
            + "Begründung: Familie verreist");
    assertThat(ChangeRecord.text(null, LIMIT, null, null, BERLIN))
        .isEqualTo("Frist geändert von ohne Frist auf 05.12.2026, 17:00 Uhr durch System. "
            + "Begründung: keine Begründung angegeben");
  }

  @Test
  void reason_isTheUsersNewestCommentOfTheLast15Minutes_notOneUsedForAnEarlierChange() {
    Date now = date("2026-12-01T10:00:00Z");
    CommentEntity old = comment("youthworker", "2026-12-01T09:40:00Z", "zu alt");
    CommentEntity colleague = comment("officer", "2026-12-01T09:58:00Z", "nicht meiner");
    CommentEntity first = comment("youthworker", "2026-12-01T09:50:00Z", "erst");
    CommentEntity newest = comment("youthworker", "2026-12-01T09:55:00Z", "  Termin der Familie  ");
    assertThat(ChangeRecord.reason(List.of(old, colleague, first, newest), "youthworker", now))
        .isEqualTo("Termin der Familie");
    assertThat(ChangeRecord.reason(List.of(old), "youthworker", now)).isNull();

    CommentEntity record = comment("youthworker", "2026-12-01T09:56:00Z", ChangeRecord.PREFIX + "...");
    assertThat(ChangeRecord.reason(List.of(first, newest, record), "youthworker", now)).isNull();
    assertThat(ChangeRecord.reason(List.of(newest), null, now)).isNull();
  }

  @Test
  void noticeJobConfiguration_roundTrips_withEmptyValues() {
    var configuration = new ChangeNoticeJob.Configuration("task-1", LIMIT, null, "user|with|bars");
    assertThat(ChangeNoticeJob.Configuration.parse(configuration.toCanonicalString())).isEqualTo(configuration);
    var system = new ChangeNoticeJob.Configuration("task-1", null, LIMIT, null);
    assertThat(ChangeNoticeJob.Configuration.parse(system.toCanonicalString())).isEqualTo(system);
  }

  private static CommentEntity comment(String user, String time, String text) {
    CommentEntity comment = new CommentEntity();
    comment.setUserId(user);
    comment.setTime(date(time));
    comment.setFullMessage(text);
    return comment;
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
