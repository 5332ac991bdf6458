import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginRequestSchema } from '@ebay-connector/contract';
import { ErrorAlert, formatWait } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { safeNextPath } from '../../../lib/next-path';
import { useMe } from '../api/get-me';
import { useLogin } from '../api/login';
import { isAccountDisabled, SignInAlert } from './sign-in-alert';

type FieldErrors = Partial<Record<'email' | 'password', string>>;

function validate(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'Enter your email address';
  else if (!loginRequestSchema.shape.email.safeParse(email).success) errors.email = 'This email address is too long';
  if (!password) errors.password = 'Enter your password';
  return errors;
}

/** Counts a Retry-After down to zero, so the form can say when the next attempt is allowed. */
function useCountdown(seconds: number | null): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const timer = setInterval(() => setLeft((s) => (s <= 1 ? 0 : s - 1)), 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const error = loginMutation.error;
  const rateLimited = isApiError(error) && error.status === 429;
  const refused = isApiError(error) && error.status === 401;
  // The session this browser held ended because an admin disabled the account (the server says so to its holder).
  const disabledSession = !error && isApiError(me.error) && isAccountDisabled(me.error) ? me.error : null;
  const retryIn = useCountdown(rateLimited ? (error.retryAfterSeconds ?? 0) : null);

  useEffect(() => {
    if (!isApiError(error) || error.status !== 422) return;
    const fromServer: FieldErrors = {};
    for (const issue of error.validationIssues) {
      const field = issue.path.replace(/^body[./]/, '');
      if (field === 'email' || field === 'password') fromServer[field] = issue.message;
    }
    setFieldErrors(fromServer);
  }, [error]);

  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate(email, password);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    loginMutation.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  return (
    <Center w="100%" py="xl" px="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={onSubmit} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <div>
              <Title order={1} size="h3" id="login-title">
                Sign in
              </Title>
              <Text size="sm" c="dimmed">
                eBay Connector administration
              </Text>
            </div>
            {disabledSession && (
              <SignInAlert
                title="You were signed out"
                color="orange"
                requestId={disabledSession.requestId}
                testId="account-disabled"
              >
                <Text size="sm">
                  Your account was disabled by an administrator. You cannot sign in until an administrator enables it
                  again.
                </Text>
              </SignInAlert>
            )}
            {refused && isAccountDisabled(error) && (
              <SignInAlert title="Your account is disabled" requestId={error.requestId}>
                <Text size="sm">You cannot sign in until an administrator enables it again.</Text>
              </SignInAlert>
            )}
            {refused && !isAccountDisabled(error) && <SignInAlert title={error.message} requestId={error.requestId} />}
            {rateLimited && (
              <SignInAlert title="Too many failed sign-in attempts" requestId={error.requestId}>
                <Text size="sm" role="status" data-testid="retry-countdown">
                  {retryIn > 0 ? `You can try again in ${formatWait(retryIn)}.` : 'You can try again now.'}
                </Text>
              </SignInAlert>
            )}
            {error && !refused && !rateLimited && !(isApiError(error) && error.status === 422) && (
              <ErrorAlert error={error} />
            )}
            <TextInput
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                setFieldErrors(({ email: _, ...rest }) => rest);
              }}
              error={fieldErrors.email}
            />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setFieldErrors(({ password: _, ...rest }) => rest);
              }}
              error={fieldErrors.password}
            />
            <Button type="submit" loading={loginMutation.isPending} disabled={rateLimited && retryIn > 0} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
