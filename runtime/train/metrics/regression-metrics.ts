/**
 * Regression metrics: mean error (bias), MAE, RMSE, R² and MAPE. MAPE divides by max(|y|, machine
 * epsilon) as scikit-learn does, so a zero target makes it very large; R² is absent when the
 * target is constant.
 */
export interface RegressionMetrics {
  rows: number;
  mean_error: number;
  mae: number;
  rmse: number;
  r2?: number;
  mape: number;
}

export function regressionMetrics(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
): RegressionMetrics {
  const n = actual.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i]!;
  mean /= n;
  let error = 0;
  let absolute = 0;
  let squared = 0;
  let total = 0;
  let percentage = 0;
  for (let i = 0; i < n; i++) {
    const y = actual[i]!;
    const residual = predicted[i]! - y;
    error += residual;
    absolute += Math.abs(residual);
    squared += residual * residual;
    total += (y - mean) * (y - mean);
    percentage += Math.abs(residual) / Math.max(Math.abs(y), Number.EPSILON);
  }
  const result: RegressionMetrics = {
    rows: n,
    mean_error: error / n,
    mae: absolute / n,
    rmse: Math.sqrt(squared / n),
    mape: percentage / n,
  };
  if (total > 0) result.r2 = 1 - squared / total;
  return result;
}
