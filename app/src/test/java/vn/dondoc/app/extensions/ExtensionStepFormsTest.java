package vn.dondoc.app.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dondoc.app.support.PageForms;
import vn.dondoc.processes.DeadlineExtension;

/** The extension API's steps are checked by the forms the model names. */
class ExtensionStepFormsTest {

  @Test
  void theContractNamesTheFormsTheModelUses() {
    assertThat(PageForms.formRef(DeadlineExtension.RESOURCE, DeadlineExtension.TASK_DECIDE))
        .isEqualTo(DeadlineExtension.FORM_DECIDE);
    assertThat(PageForms.formRef(DeadlineExtension.RESOURCE, DeadlineExtension.TASK_PROVIDE_INFO))
        .isEqualTo(DeadlineExtension.FORM_PROVIDE_INFO);
  }
}
