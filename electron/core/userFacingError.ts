/** An error whose message is written for the technician: it crosses to the window as it is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}
