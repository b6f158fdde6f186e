package vn.dondoc.app.tasks;

import org.springframework.stereotype.Component;
import vn.dondoc.app.agencies.AgencyGroups;
import vn.dondoc.app.notifications.BilingualText;
import vn.dondoc.app.notifications.NotificationService;
import vn.dondoc.processes.FeedbackHandling;

/** Tells a task's agency, its leaders or the standing office what happened, in Vietnamese and English. */
@Component
public class TaskNotices {

  private final NotificationService notifications;
  private final BilingualText texts;

  TaskNotices(NotificationService notifications, BilingualText texts) {
    this.notifications = notifications;
    this.texts = texts;
  }

  public void toAgency(TaskRecord task, String kind, String key, Object... arguments) {
    send(task.caseCode(), AgencyGroups.PREFIX + task.leadAgency(), kind, key, arguments);
  }

  public void toLeaders(TaskRecord task, String kind, String key, Object... arguments) {
    send(task.caseCode(), AgencyGroups.leadersOf(task.leadAgency()), kind, key, arguments);
  }

  public void toStandingOffice(TaskRecord task, String kind, String key, Object... arguments) {
    send(task.caseCode(), FeedbackHandling.GROUP_STANDING_OFFICE, kind, key, arguments);
  }

  private void send(String caseCode, String group, String kind, String key, Object... arguments) {
    BilingualText.Text text = texts.render(caseCode, key, arguments);
    notifications.notifyGroup(caseCode, kind, group, text.subject(), text.body());
  }
}
