package de.nrw.intervention.board;

import de.nrw.intervention.board.Board.AgencyFigures;
import de.nrw.intervention.board.Board.ComplianceFigures;
import de.nrw.intervention.board.Board.DistrictOption;
import de.nrw.intervention.board.Board.OverdueTask;
import de.nrw.intervention.board.Board.ProcessFigures;
import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.domesticviolence.DomesticViolenceIntervention;
import de.nrw.intervention.identity.Agency;
import de.nrw.intervention.identity.District;
import de.nrw.intervention.reminder.DeadlineJobType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the board for one district from the engine's tables ({@code DeadlineBoard.xml}), in one engine command.
 * Who may see which district is decided before ({@link BoardAccess}); the statements themselves count only what the
 * district's supervisor group is granted, so a wrong district choice could not show another district's cases anyway.
 */
class DeadlineBoard {

  /** As Tasklist's filter "Fällig in 2 Tagen" (identity.TasklistFilters). */
  static final Duration DUE_SOON = Duration.ofDays(2);
  /**
   * Compliance months shown and exported: the current one and the five before it, which always hold the last complete
   * quarter (in February: November to January, with the current quarter's first month). A year would double the rows
   * the medians sort (BENCHMARKS.md, "Deadline board") for a table nobody reads to the end.
   */
  static final int MONTHS = 6;

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineBoard.class);
  private static final String STATEMENTS = "de.nrw.intervention.board.DeadlineBoard.";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", Locale.GERMAN);
  private static final double DAY_MILLIS = Duration.ofDays(1).toMillis();

  private final List<District> districts;
  private final List<Agency> agencies;
  private final List<Agency> supervisors;
  private final PlatformCalendar calendar;

  DeadlineBoard(List<District> districts, List<Agency> agencies, PlatformCalendar calendar) {
    this.districts = List.copyOf(districts);
    this.agencies = List.copyOf(agencies);
    this.supervisors = agencies.stream().filter(agency -> agency.has(Agency.Right.SUPERVISE)).toList();
    if (supervisors.isEmpty()) {
      throw new IllegalStateException("intervention.identity.agencies: no agency has the right 'supervise', so the "
          + "deadline board has nobody whose district it could show");
    }
    this.calendar = calendar;
  }

  List<District> districts() {
    return districts;
  }

  PlatformCalendar calendar() {
    return calendar;
  }

  /** The agencies with the right to supervise (the police supervisors): whose districts the board shows. */
  List<Agency> supervisors() {
    return supervisors;
  }

  /** {@code 2026-12}: the current month in the platform's zone, for file names. */
  String currentMonth() {
    return YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone())).toString();
  }

  /** The figures of {@code district} now ({@link ClockUtil}); {@code choosable}: the districts the caller may see. */
  Board figures(ProcessEngineConfigurationImpl engine, District district, List<District> choosable) {
    Date now = ClockUtil.getCurrentTime();
    return engine.getCommandExecutorTxRequired().execute(context ->
        context.runWithoutAuthorization(() -> figures(context, district, choosable, now)));
  }

  private Board figures(CommandContext context, District district, List<District> choosable, Date now) {
    ZoneId zone = calendar.zone();
    YearMonth current = YearMonth.from(now.toInstant().atZone(zone));
    YearMonth first = current.minusMonths(MONTHS - 1L);
    List<Date> monthEnds = new ArrayList<>();
    for (int i = 0; i < MONTHS; i++) {
      monthEnds.add(start(first.plusMonths(i + 1L), zone));
    }
    Map<String, Object> parameters = new HashMap<>();
    // Every supervising agency is granted the same reads (access package); the first one's grants scope the board.
    parameters.put("supervisorGroup", supervisors.get(0).groupId(district));
    parameters.put("agencyGroups", agencies.stream().map(agency -> agency.groupId(district)).toList());
    parameters.put("now", now);
    parameters.put("soon", plus(now, DUE_SOON));
    parameters.put("since7", plus(now, Duration.ofDays(-7)));
    parameters.put("since30", plus(now, Duration.ofDays(-30)));
    parameters.put("deadlineJobType", DeadlineJobType.HANDLER_TYPE);
    parameters.put("monthsStart", start(first, zone));
    parameters.put("monthEnds", monthEnds);
    parameters.put("monthsEnd", monthEnds.get(MONTHS - 1));
    parameters.put("monthStart", start(current, zone));
    parameters.put("riskVariable", DomesticViolenceIntervention.Variables.RISK_LEVEL);
    parameters.put("highRisk", DomesticViolenceIntervention.Variables.RISK_LEVEL_HIGH);

    PostgresPlanning.forThisTransaction(context);
    ModelNames models = new ModelNames(context);
    Queries queries = new Queries(context, parameters);
    List<DistrictOption> options = choosable.stream().map(d -> new DistrictOption(d.id(), d.name())).toList();
    return new Board(district.id(), district.name(), options, calendar.dateTime(now),
        agencies(queries, models, district), compliance(queries, models, first), processes(queries, models), null);
  }

  private List<AgencyFigures> agencies(Queries queries, ModelNames models, District district) {
    Map<String, Map<String, Object>> open = queries.byKey("selectOpenTasksByGroup", "groupId");
    Map<String, Map<String, Object>> oldest = queries.byKey("selectOldestOverdueByGroup", "groupId");
    Map<String, Map<String, Object>> mails = queries.byKey("selectDeadlineMailsByGroup", "groupId");
    List<AgencyFigures> rows = new ArrayList<>();
    for (Agency agency : agencies) {
      String group = agency.groupId(district);
      Map<String, Object> tasks = open.getOrDefault(group, Map.of());
      Map<String, Object> sent = mails.getOrDefault(group, Map.of());
      rows.add(new AgencyFigures(group, agency.groupName(district), count(tasks, "open"), count(tasks, "dueSoon"),
          count(tasks, "overdue"), overdueTask(oldest.get(group), models), count(sent, "reminders7"),
          count(sent, "reminders30"), count(sent, "escalations7"), count(sent, "escalations30")));
    }
    return rows;
  }

  private OverdueTask overdueTask(Map<String, Object> row, ModelNames models) {
    if (row == null) {
      return null;
    }
    return new OverdueTask((String) row.get("taskId"), (String) row.get("processInstanceId"),
        models.taskName((String) row.get("processDefinitionId"), (String) row.get("taskKey")),
        (String) row.get("caseReference"), calendar.dateTime(date(row.get("dueDate"))));
  }

  private List<ComplianceFigures> compliance(Queries queries, ModelNames models, YearMonth first) {
    // Newest month first, then as a reader looks for a task: by process, then task name.
    Comparator<ComplianceFigures> byProcessAndTask =
        Comparator.comparing(ComplianceFigures::processName).thenComparing(ComplianceFigures::taskName);
    Map<Long, List<ComplianceFigures>> byMonth = new TreeMap<>(Comparator.reverseOrder());
    for (Map<String, Object> row : queries.list("selectComplianceByTaskAndMonth")) {
      String processKey = (String) row.get("processKey");
      String taskKey = (String) row.get("taskKey");
      long completed = count(row, "completed");
      long onTime = count(row, "onTime");
      double share = completed == 0 ? 0 : (double) onTime / completed;
      double medianDays = ((Number) row.get("medianMillis")).doubleValue() / DAY_MILLIS;
      long monthIndex = count(row, "monthIndex");
      byMonth.computeIfAbsent(monthIndex, index -> new ArrayList<>()).add(new ComplianceFigures(
          MONTH.format(first.plusMonths(monthIndex)), processKey, models.processName(processKey), taskKey,
          models.taskNameInLatest(processKey, taskKey), models.deadline(processKey, taskKey), completed, onTime,
          completed - onTime, share, decimal(share * 100) + " %", medianDays, decimal(medianDays)));
    }
    return byMonth.values().stream().flatMap(month -> month.stream().sorted(byProcessAndTask)).toList();
  }

  private List<ProcessFigures> processes(Queries queries, ModelNames models) {
    Map<String, Map<String, Object>> running = queries.byKey("selectRunningCasesByProcess", "processKey");
    Map<String, Map<String, Object>> month = queries.byKey("selectCasesOfMonthByProcess", "processKey");
    TreeSet<String> keys = new TreeSet<>(running.keySet());
    keys.addAll(month.keySet());
    return keys.stream().map(key -> {
      Map<String, Object> now = running.getOrDefault(key, Map.of());
      Map<String, Object> thisMonth = month.getOrDefault(key, Map.of());
      return new ProcessFigures(key, models.processName(key), count(now, "running"), count(thisMonth, "started"),
          count(thisMonth, "ended"), count(now, "highRisk"));
    }).sorted(Comparator.comparing(ProcessFigures::name)).toList();
  }

  /** {@code 87,5}: one decimal, German comma. */
  static String decimal(double value) {
    return String.format(Locale.GERMANY, "%.1f", value);
  }

  private static long count(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Date date(Object value) {
    if (value instanceof LocalDateTime local) {
      return java.sql.Timestamp.valueOf(local);
    }
    return (Date) value;
  }

  private static Date start(YearMonth month, ZoneId zone) {
    return Date.from(month.atDay(1).atStartOfDay(zone).toInstant());
  }

  private static Date plus(Date date, Duration duration) {
    return new Date(date.getTime() + duration.toMillis());
  }

  /** The board's statements, all with the same parameters. */
  private record Queries(CommandContext context, Map<String, Object> parameters) {

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String statement) {
      long start = System.nanoTime();
      List<Map<String, Object>> rows = (List<Map<String, Object>>) context.getDbEntityManager()
          .selectListWithRawParameter(STATEMENTS + statement, parameters, 0, Integer.MAX_VALUE);
      // Where the board's time goes, statement by statement (BENCHMARKS.md, "Deadline board").
      LOG.debug("{}: {} rows in {} ms", statement, rows.size(), (System.nanoTime() - start) / 1_000_000);
      return rows;
    }

    Map<String, Map<String, Object>> byKey(String statement, String key) {
      return list(statement).stream().collect(Collectors.toMap(row -> (String) row.get(key), Function.identity()));
    }
  }
}
