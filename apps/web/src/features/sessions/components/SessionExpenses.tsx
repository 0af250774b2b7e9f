import { AddExpenseRequestSchema, type Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { formatBaht } from '../../../lib/numbers';
import { useAddExpense } from '../api/add-expense';
import { useDeleteExpense } from '../api/delete-expense';

interface SessionExpensesProps {
  session: Session;
  /** Organizers and admins record and remove expenses; managers read them. */
  canManage: boolean;
}

/** What the session cost, item by item; the total counts against the program's budget for the year. */
export function SessionExpenses({ session, canManage }: SessionExpensesProps) {
  const { t } = useTranslation();
  const addMutation = useAddExpense();
  const deleteMutation = useDeleteExpense();
  const heading = t('sessions.expenses.heading');
  return (
    <section className="card stack" aria-label={heading}>
      <h2>{heading}</h2>
      {session.expenses.length === 0 ? (
        <p className="muted">{t('sessions.expenses.empty')}</p>
      ) : (
        <ul className="expense-list">
          {session.expenses.map((expense) => (
            <li key={expense.id} className="expense-list__item">
              <span className="expense-list__name">{expense.item}</span>
              <span className="expense-list__amount">
                {t('sessions.expenses.amountValue', { amount: formatBaht(expense.amountBaht) })}
              </span>
              {canManage && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('sessions.expenses.deleteLabel', { item: expense.item })}
                  disabled={deleteMutation.isPending && deleteMutation.variables.expenseId === expense.id}
                  onClick={() => deleteMutation.mutate({ sessionId: session.id, expenseId: expense.id })}
                >
                  {t('sessions.expenses.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="expense-total">{t('sessions.expenses.total', { amount: formatBaht(session.spentBaht) })}</p>
      <ErrorAlert error={deleteMutation.error} />
      {canManage && (
        <Form
          serverError={addMutation.error}
          schema={AddExpenseRequestSchema}
          className="form expense-form"
          aria-label={t('sessions.expenses.add')}
          defaultValues={{ item: '' }}
          onSubmit={(expense, form) =>
            addMutation.mutate(
              { sessionId: session.id, expense },
              {
                // Ready for the next item: receipts usually come in a pile. Focus first: reset forgets the fields' refs.
                onSuccess: () => {
                  form.setFocus('item');
                  form.reset();
                },
              },
            )
          }
        >
          <TextField name="item" label={t('sessions.expenses.item')} placeholder={t('sessions.expenses.itemPlaceholder')} />
          <TextField
            name="amountBaht"
            label={t('sessions.expenses.amount')}
            type="number"
            min={0}
            step={0.01}
            inputMode="decimal"
          />
          <SubmitButton pending={addMutation.isPending} pendingLabel={t('common.saving')}>
            {t('sessions.expenses.add')}
          </SubmitButton>
          <ErrorAlert error={addMutation.error} />
        </Form>
      )}
    </section>
  );
}
