import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { formatRoubles } from '../../../domain/billing/money.js';
import type { AppContext } from '../../platform/context.js';
import { ProblemSchema } from '../../platform/http/problem-schema.js';
import { decideSandboxPayment, findSandboxPayment } from './sandbox-acquirer.js';

const ParamsSchema = z.object({
  id: z.string().regex(/^sbx_[0-9a-f]{24}$/, 'a sandbox payment id'),
});

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The sandbox acquirer's own pages: what a bank shows the payer. It plays the bank, so it asks
 * for no card and keeps nothing of the platform's; the tester picks the bank's answer.
 */
export function sandboxRoutes(api: FastifyInstance, ctx: AppContext) {
  const routes = api.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/v1/sandbox-acquirer/payments/:id',
    {
      schema: {
        tags: ['sandbox-acquirer'],
        summary: 'The sandbox bank’s payment page (HTML)',
        params: ParamsSchema,
      },
    },
    async (request, reply) => {
      const payment = await findSandboxPayment(ctx.db, request.params.id);
      const decided = payment.status !== 'awaiting';
      const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Тестовый банк — оплата</title>
<style>body{font-family:sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
.card{border:1px solid #ccc;border-radius:8px;padding:1rem 1.5rem}button{font-size:1rem;margin:.3rem .3rem 0 0;padding:.5rem 1rem}
.sum{font-size:1.6rem;font-weight:bold}</style></head><body><main>
<h1>Тестовый банк МП-дом</h1><div class="card">
<p>Получатель платежа: <strong>МП-дом</strong> (песочница эквайринга)</p>
<p>${escape(payment.description)}</p><p class="sum" data-testid="sandbox-amount">${formatRoubles(BigInt(payment.amountKopecks))} ₽</p>
<p>Это учебная страница банка: данные карты не запрашиваются и никуда не передаются. Выберите ответ банка.</p>
${
  decided
    ? `<p role="status">Платёж уже обработан: ${escape(payment.status)}</p>`
    : `
<button type="button" data-outcome="success">Оплатить (успешно)</button>
<button type="button" data-outcome="decline">Отклонить (недостаточно средств)</button>
<button type="button" data-outcome="timeout">Нет ответа банка (таймаут)</button>`
}
<p id="state" role="status"></p></div></main>
<script>
document.querySelectorAll('button[data-outcome]').forEach(function (b) {
  b.addEventListener('click', async function () {
    document.querySelectorAll('button').forEach(function (x) { x.disabled = true; });
    var r = await fetch(location.pathname + '/decision', { method: 'POST', credentials: 'omit',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome: b.dataset.outcome }) });
    var j = await r.json();
    document.getElementById('state').textContent = r.ok ? 'Ответ банка отправлен' : (j.detail || 'Ошибка');
    if (r.ok) { setTimeout(function () { location.href = j.returnUrl; }, 300); }
  });
});
</script></body></html>`;

      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
        )
        .send(html);
    },
  );

  routes.post(
    '/v1/sandbox-acquirer/payments/:id/decision',
    {
      schema: {
        tags: ['sandbox-acquirer'],
        summary: 'The bank’s answer; success and decline call the platform back asynchronously',
        params: ParamsSchema,
        body: z.object({ outcome: z.enum(['success', 'decline', 'timeout']) }).strict(),
        response: {
          200: z.object({ returnUrl: z.string(), status: z.string() }),
          400: ProblemSchema,
          404: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => decideSandboxPayment(ctx, request.params.id, request.body.outcome),
  );
}
