package de.nrw.intervention.reminder;

import de.nrw.intervention.calendar.PlatformCalendar;
import de.nrw.intervention.casefile.CaseReferenceListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;

/**
 * Decides who hears about a due task and sends the mail. Logs carry task ids, kinds and counts only:
 * no names, no addresses, no case data.
 */
class DeadlineNotifier implements DueDateChangeMail {

  static final String CASE_REFERENCE_VARIABLE = CaseReferenceListener.VARIABLE;

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineNotifier.class);

  /**
   * The format CaseReferenceListener enforces. Checked again because a process without that listener could
   * put anything into the variable, and only a reference may reach a mail.
   */
  private static final String NO_CASE_REFERENCE = "-";
  private static final String NO_DUE_DATE = "-";

  /** Deployed process versions × user tasks; far more than a real installation has. */
  private static final int MODELLED_NAMES_KEPT = 10_000;

  private final RecipientResolver resolver;
  private final ReminderMailer mailer;
  private final ReminderProperties properties;
  private final Function<Date, String> dueDateFormat;
  private final ReminderMetrics metrics;
  private final SentReminders sentReminders;
  private final Map<String, ModelledNames> modelledNames = new ConcurrentHashMap<>();

  DeadlineNotifier(RecipientResolver resolver, ReminderMailer mailer, ReminderProperties properties,
      ReminderMetrics metrics, PlatformCalendar calendar, SentReminders sentReminders) {
    this.resolver = resolver;
    this.sentReminders = sentReminders;
    this.mailer = mailer;
    this.properties = properties;
    this.metrics = metrics;
    this.dueDateFormat = dueDateFormat(properties.locale(), calendar);
  }

  /**
   * Sends the job's mail to everyone it is for whom no earlier attempt of the same job reached ({@link SentReminders}),
   * and records them right after the mail server accepted it.
   *
   * @param transaction the job's own database connection (its transaction), to read the record
   */
  void notify(DeadlineJobConfiguration job, TaskEntity task, Connection transaction) throws SQLException {
    ProcessEngineServices engine = task.getProcessEngineServices();
    MailFacts facts = facts(task);
    Recipients recipients;
    MailKind mail;
    if (job.kind() == DeadlineKind.REMINDER) {
      recipients = resolver.caseworkers(task, engine);
      mail = MailKind.REMINDER;
      if (recipients.isEmpty()) {
        LOG.warn("Reminder for task {}: nobody assigned or offered the task has an email address; telling the supervisors",
            task.getId());
        recipients = recipients.plus(resolver.supervisors(task, engine));
        mail = MailKind.UNREACHABLE;
      }
    } else {
      recipients = resolver.supervisors(task, engine);
      mail = MailKind.ESCALATION;
    }
    if (recipients.isEmpty()) {
      metrics.failed(mail);
      // Thrown so the job retries and ends in an incident on the case: silence is worse than an alert.
      throw new NobodyReachableException(job.kind(), task.getId());
    }
    List<String> to = sentReminders.notYetSent(transaction, job, recipients.addresses());
    if (to.isEmpty()) {
      metrics.duplicatePrevented();
      LOG.info("{} for task {} went out in an earlier attempt of this job whose transaction did not end; not sent again",
          mail, task.getId());
      return;
    }
    try (SentReminders.Pending record = sentReminders.prepare(job, to)) {
      mailer.send(mail, facts, to);
      long accepted = System.nanoTime();
      record.commit();
      metrics.recorded(System.nanoTime() - accepted);
    } catch (MailException e) {
      metrics.failed(mail);
      throw e;
    }
    metrics.sent(mail);
    if (recipients.skippedWithoutEmail() > 0) {
      LOG.info("{} for task {}: {} intended recipient(s) without email address skipped", mail, task.getId(),
          recipients.skippedWithoutEmail());
      metrics.skipped(recipients.skippedWithoutEmail());
    }
    int reachedBefore = recipients.addresses().size() - to.size();
    if (reachedBefore > 0) {
      LOG.info("{} for task {} sent to {} recipient(s); {} reached by an earlier attempt of this job", mail,
          task.getId(), to.size(), reachedBefore);
    } else {
      LOG.info("{} for task {} sent to {} recipient(s)", mail, task.getId(), to.size());
    }
  }

  @Override
  public void sendDueDateChanged(TaskEntity task, Date previousDueDate, Date newDueDate, String changedBy) {
    ProcessEngineServices engine = task.getProcessEngineServices();
    Recipients recipients = resolver.supervisors(task, engine);
    if (recipients.isEmpty()) {
      metrics.failed(MailKind.DUE_DATE_CHANGED);
      throw new NobodyReachableException(MailKind.DUE_DATE_CHANGED, task.getId());
    }
    String previous = previousDueDate == null ? NO_DUE_DATE : dueDateFormat.apply(previousDueDate);
    String current = newDueDate == null ? NO_DUE_DATE : dueDateFormat.apply(newDueDate);
    MailFacts facts = facts(task).changed(previous, current, changedBy);
    try {
      mailer.send(MailKind.DUE_DATE_CHANGED, facts, recipients.addresses());
    } catch (MailException e) {
      metrics.failed(MailKind.DUE_DATE_CHANGED);
      throw e;
    }
    metrics.sent(MailKind.DUE_DATE_CHANGED);
    LOG.info("{} for task {} sent to {} recipient(s)", MailKind.DUE_DATE_CHANGED, task.getId(),
        recipients.addresses().size());
  }

  @Override
  public String retryCycle() {
    return properties.retryCycle();
  }

  /**
   * German mails say when a task is due as the law phrases an end ("fällig am 05.12.2026 um 17:00 Uhr", "fällig mit
   * Ablauf des 05.12.2026" for a deadline at midnight, such as the return ban's end); other languages get the
   * locale's own format. Both in the platform's zone.
   */
  static Function<Date, String> dueDateFormat(Locale locale, PlatformCalendar calendar) {
    if (Locale.GERMAN.getLanguage().equals(locale.getLanguage())) {
      return calendar::end;
    }
    DateTimeFormatter localized = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
        .withLocale(locale).withZone(calendar.zone());
    return date -> localized.format(date.toInstant());
  }

  private MailFacts facts(TaskEntity task) {
    String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    ModelledNames names = modelledNames.get(key);
    if (names == null) { // not computeIfAbsent: reading the definition must not block other job threads
      if (modelledNames.size() >= MODELLED_NAMES_KEPT) {
        modelledNames.clear(); // only after very many redeployments; refilled from the engine on demand
      }
      names = modelledNames(task);
      modelledNames.put(key, names);
    }
    Object reference = caseReference(task);
    String caseReference = CaseReferenceListener.isWellFormed(reference) ? (String) reference : NO_CASE_REFERENCE;
    return new MailFacts(task.getId(), names.taskName(), names.processName(),
        task.getDueDate() == null ? NO_DUE_DATE : dueDateFormat.apply(task.getDueDate()), caseReference, properties.taskLink(task.getId()));
  }

  /**
   * The case's reference, a variable of the case itself (CaseReferenceListener sets it at the start), read alone.
   * {@code task.getVariable} would load every variable of the task, of its execution and of the whole execution tree
   * to find it: a tenth of a reminder job's CPU time in the drain profile (BENCHMARKS.md, "Issue 20, third round").
   */
  private static Object caseReference(TaskEntity task) {
    CommandContext context = Context.getCommandContext();
    if (context == null || task.getProcessInstanceId() == null) {
      return task.getVariable(CASE_REFERENCE_VARIABLE);
    }
    return context.getVariableInstanceManager()
        .findVariableInstancesByExecutionIdAndVariableNames(task.getProcessInstanceId(), List.of(CASE_REFERENCE_VARIABLE))
        .stream().findFirst().map(VariableInstanceEntity::getValue).orElse(null);
  }

  private static ModelledNames modelledNames(TaskEntity task) {
    ProcessDefinitionEntity definition = task.getExecution().getProcessDefinition();
    String processName = definition.getName() != null ? definition.getName() : definition.getKey();
    return new ModelledNames(processName, modelledTaskName(task));
  }

  /**
   * Names as deployed: a deployed process definition (one id per version) never changes, so they are kept by
   * definition id and task key. Saves reading the definition from the database for every mail.
   */
  private record ModelledNames(String processName, String taskName) { }

  /**
   * The name as modelled, not as evaluated: a name like "Kind beobachten: ${observedChildFirstName}" must not put
   * the value of a variable into a mail, so only its text before the first expression is used ("Kind beobachten"),
   * or the task's id in the model when there is none.
   */
  static String modelledTaskName(TaskEntity task) {
    Expression name = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getNameExpression();
    String text = name == null ? null : name.getExpressionText();
    if (text == null) {
      return task.getTaskDefinitionKey();
    }
    int expression = firstExpression(text);
    String literal = (expression < 0 ? text : text.substring(0, expression)).replaceAll("[\\s:(–-]+$", "").strip();
    return literal.isEmpty() ? task.getTaskDefinitionKey() : literal;
  }

  private static int firstExpression(String text) {
    int dollar = text.indexOf("${");
    int hash = text.indexOf("#{");
    return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
  }

  /** Neither the caseworkers nor the supervisors of the district have an email address. */
  static class NobodyReachableException extends RuntimeException {
    NobodyReachableException(Object kind, String taskId) {
      super(kind + " for task " + taskId + ": nobody to send it to. Give the district's supervisors (or the task's "
          + "candidates) an email address, then retry this job.");
    }
  }
}
