package de.nrw.intervention.deadline;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.Duration;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Event;

/**
 * The German task comment that records a due-date change: who, from when, to when, and why. REST's
 * {@code PUT /task/{id}} has no field for a reason, so the reason is the comment the same user added to the task
 * just before (Tasklist: "Kommentar hinzufügen", then change the date), within {@link #REASON_WINDOW}.
 */
final class ChangeRecord {

  static final String PREFIX = "Frist geändert von ";
  static final Duration REASON_WINDOW = Duration.ofMinutes(15);
  static final String NO_REASON = "keine Begründung angegeben";
  static final String NO_DUE_DATE = "ohne Frist";
  static final String NO_USER = "System";

  private ChangeRecord() {
  }

  static String text(Date before, Date after, String userId, String reason, PlatformCalendar calendar) {
    return PREFIX + describe(before, calendar) + " auf " + describe(after, calendar) + " durch "
        + (userId == null ? NO_USER : userId) + ". Begründung: " + (reason == null ? NO_REASON : reason);
  }

  /**
   * The newest comment {@code userId} wrote on the task within the window before {@code now}, if it is newer than
   * the last change record (a reason explains one change, not the next one as well).
   */
  static String reason(List<? extends Comment> comments, String userId, Date now) {
    if (userId == null) {
      return null;
    }
    Date windowStart = new Date(now.getTime() - REASON_WINDOW.toMillis());
    Date lastRecord = comments.stream().filter(ChangeRecord::isRecord).map(Comment::getTime)
        .max(Comparator.naturalOrder()).orElse(new Date(0));
    return comments.stream()
        .filter(comment -> !isRecord(comment))
        .filter(comment -> userId.equals(comment.getUserId()))
        .filter(comment -> comment.getTime() != null && !comment.getTime().before(windowStart)
            && comment.getTime().after(lastRecord))
        .max(Comparator.comparing(Comment::getTime))
        .map(Comment::getFullMessage).filter(Objects::nonNull).map(String::strip).filter(text -> !text.isEmpty())
        .orElse(null);
  }

  /** Writes the record as the changing user, like the engine's own "add comment", without its update event. */
  static void write(TaskEntity task, String text, CommandContext commandContext) {
    CommentEntity comment = new CommentEntity();
    comment.setUserId(commandContext.getAuthenticatedUserId());
    comment.setType(CommentEntity.TYPE_COMMENT);
    comment.setTime(ClockUtil.getCurrentTime());
    comment.setTaskId(task.getId());
    comment.setProcessInstanceId(task.getProcessInstanceId());
    comment.setAction(Event.ACTION_ADD_COMMENT);
    if (task.getExecution() != null) {
      String root = task.getExecution().getRootProcessInstanceId();
      comment.setRootProcessInstanceId(root);
      HistoricProcessInstanceEventEntity history = root == null ? null
          : commandContext.getDbEntityManager().selectById(HistoricProcessInstanceEventEntity.class, root);
      if (history != null) {
        comment.setRemovalTime(history.getRemovalTime()); // as AddCommentCmd, for the removal-time strategy "start"
      }
    }
    comment.setMessage(comment.toEventMessage(text));
    comment.setFullMessage(text);
    commandContext.getCommentManager().insert(comment);
  }

  static List<Comment> comments(TaskEntity task, CommandContext commandContext) {
    return commandContext.getCommentManager().findCommentsByTaskId(task.getId());
  }

  private static boolean isRecord(Comment comment) {
    return comment.getFullMessage() != null && comment.getFullMessage().startsWith(PREFIX);
  }

  private static String describe(Date date, PlatformCalendar calendar) {
    return date == null ? NO_DUE_DATE : calendar.dateTime(date);
  }
}
