package vn.dondoc.app;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DondocApplication {

  /** Users live in Vietnam: case years, working days and displayed times are Hanoi time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  public static void main(String[] args) {
    SpringApplication.run(DondocApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
