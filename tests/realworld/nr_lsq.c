/* Fitting an ODE model in the style of Numerical Recipes in C (2nd ed.): nrutil.c's dvector
 * and free_dvector with their offsets (`return v-nl+NR_END;`, `free((FREE_ARG) (v+nl-NR_END));`),
 * ivector for an index table, every vector indexed from 1 (`for (i=1;i<=n;i++)`), rk4 as the
 * book writes it (its three work vectors allocated and freed on each call, derivs passed as a
 * function pointer), rkdumb's fixed-step driver copying vout back to v, and a chi-square merit
 * function over the observations, the model parameters a[1..ma] as mrqmin's funcs takes them.
 * The model is a damped, driven oscillator whose state is observed every few steps; the merit
 * function is differentiated with respect to a[1..4] (a[0] is unused, as in the book; only
 * the ADC_DIFF line is added). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <adc.h>

#define NR_END 1
#define FREE_ARG char*

void nrerror(char error_text[])
{
	fprintf(stderr,"Numerical Recipes run-time error...\n");
	fprintf(stderr,"%s\n",error_text);
	fprintf(stderr,"...now exiting to system...\n");
	exit(1);
}

double *dvector(long nl, long nh)
/* allocate a double vector with subscript range v[nl..nh] */
{
	double *v;

	v=(double *)malloc((size_t) ((nh-nl+1+NR_END)*sizeof(double)));
	if (!v) nrerror("allocation failure in dvector()");
	return v-nl+NR_END;
}

int *ivector(long nl, long nh)
/* allocate an int vector with subscript range v[nl..nh] */
{
	int *v;

	v=(int *)malloc((size_t) ((nh-nl+1+NR_END)*sizeof(int)));
	if (!v) nrerror("allocation failure in ivector()");
	return v-nl+NR_END;
}

void free_dvector(double *v, long nl, long nh)
/* free a double vector allocated with dvector() */
{
	free((FREE_ARG) (v+nl-NR_END));
}

void free_ivector(int *v, long nl, long nh)
/* free an int vector allocated with ivector() */
{
	free((FREE_ARG) (v+nl-NR_END));
}

/* y[1] position, y[2] velocity; a[1] stiffness, a[2] damping, a[3] drive, a[4] frequency */
void oscillator(double x, double y[], double dydx[], double a[])
{
	dydx[1]=y[2];
	dydx[2] = -a[1]*y[1]-a[2]*y[2]+a[3]*sin(a[4]*x);
}

void rk4(double y[], double dydx[], int n, double x, double h, double yout[],
	double a[], void (*derivs)(double, double [], double [], double []))
{
	int i;
	double xh,hh,h6,*dym,*dyt,*yt;

	dym=dvector(1,n);
	dyt=dvector(1,n);
	yt=dvector(1,n);
	hh=h*0.5;
	h6=h/6.0;
	xh=x+hh;
	for (i=1;i<=n;i++) yt[i]=y[i]+hh*dydx[i];
	(*derivs)(xh,yt,dyt,a);
	for (i=1;i<=n;i++) yt[i]=y[i]+hh*dyt[i];
	(*derivs)(xh,yt,dym,a);
	for (i=1;i<=n;i++) {
		yt[i]=y[i]+h*dym[i];
		dym[i] += dyt[i];
	}
	(*derivs)(x+h,yt,dyt,a);
	for (i=1;i<=n;i++)
		yout[i]=y[i]+h6*(dydx[i]+dyt[i]+2.0*dym[i]);
	free_dvector(yt,1,n);
	free_dvector(dyt,1,n);
	free_dvector(dym,1,n);
}

/* rkdumb's loop: nstep steps of h from x1, the state at each observation stored in
   yobs[1..nvar][k], k = 1..nobs, one every (nstep/nobs) steps */
void rkdumb(double vstart[], int nvar, double x1, double h, int nstep, int nobs,
	double ymod[], double a[], void (*derivs)(double, double [], double [], double []))
{
	int i,k,every;
	double x,*v,*vout,*dv;

	v=dvector(1,nvar);
	vout=dvector(1,nvar);
	dv=dvector(1,nvar);
	for (i=1;i<=nvar;i++) v[i]=vstart[i];
	x=x1;
	every=nstep/nobs;
	for (k=1;k<=nstep;k++) {
		(*derivs)(x,v,dv,a);
		rk4(v,dv,nvar,x,h,vout,a,derivs);
		x += h;
		for (i=1;i<=nvar;i++) v[i]=vout[i];
		if (k % every == 0) ymod[k/every]=v[1];
	}
	free_dvector(dv,1,nvar);
	free_dvector(vout,1,nvar);
	free_dvector(v,1,nvar);
}

/* chi-square of the model's positions against y[1..ndata] with errors sig[1..ndata]; the
   largest residuals are listed through an index table (as the book's indexx would give) */
ADC_DIFF(wrt(a), len(a: 5))
double oscillator_chisq(double a[], double y[], double sig[], int ndata, double h, int nstep)
{
	int i,*worst;
	double chisq=0.0,dy,*ymod,vstart[3];

	ymod=dvector(1,ndata);
	worst=ivector(1,ndata);
	vstart[1]=1.0;
	vstart[2]=0.0;
	rkdumb(vstart,2,0.0,h,nstep,ndata,ymod,a,oscillator);
	for (i=1;i<=ndata;i++) {
		worst[i]=ndata+1-i;
		dy=(y[i]-ymod[i])/sig[i];
		chisq += dy*dy;
	}
	chisq += 1.0e-3*ymod[worst[1]]*ymod[worst[1]];
	free_ivector(worst,1,ndata);
	free_dvector(ymod,1,ndata);
	return chisq;
}
