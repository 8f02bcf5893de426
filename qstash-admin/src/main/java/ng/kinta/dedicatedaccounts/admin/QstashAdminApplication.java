package ng.kinta.dedicatedaccounts.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QstashAdminApplication {

	public static void main(String[] args) {
		SpringApplication.run(QstashAdminApplication.class, args);
	}

}
