package ng.kinta.dedicatedaccounts.trigger.function;

import java.util.function.Function;

import org.springframework.messaging.Message;

/**
 * How a platform hands a delivery to the trigger function and takes its answer back. The
 * function bean picks the first transport that {@link #carries} the message, else the web
 * server's; every transport calls the same verification and launch path (the
 * {@code trigger} argument) with the body's exact bytes and the headers.
 */
public interface TriggerTransport {

	/**
	 * Whether this transport brought the message.
	 * @param message what the function was invoked with
	 * @return {@code true} when this transport reads and answers it
	 */
	boolean carries(Message<byte[]> message);

	/**
	 * Reads the delivery, lets the trigger answer it and writes the answer the platform's
	 * way.
	 * @param message what the function was invoked with
	 * @param trigger the one verification and launch path; never throws
	 * @return the function's result
	 */
	Message<Object> exchange(Message<byte[]> message, Function<TriggerRequest, TriggerAnswer> trigger);

}
