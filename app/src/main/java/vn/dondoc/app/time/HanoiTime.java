package vn.dondoc.app.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users live in Vietnam: case years, working days and displayed times are Hanoi time; the application's clock runs in it. */
@Configuration(proxyBeanMethods = false)
public class HanoiTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
